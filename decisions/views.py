"""Pages of decisions (thin: scope, parse, one service, render)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.models import AwardRecord
from awards.tasks import records_certificates_start
from decisions import selectors, services
from decisions.documents import decision_docx, decision_filename
from decisions.tasks import decision_pdf_start
from documents.render import DocumentTemplateError
from jobs.views import job_started
from nominations.models import Nomination
from nominations.selectors import round_in_scope
from org.scope import user_scope


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _date(raw: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(raw.strip(), "%d/%m/%Y").date()
    except (ValueError, AttributeError):
        return None


@login_required
def decision_list(request):
    decisions = selectors.decision_list(scope=user_scope(request.user))
    return render(request, "decisions/decisions.html", {"decisions": decisions})


@login_required
def draft(request, pk):
    award_round, access = round_in_scope(scope=user_scope(request.user), pk=pk)
    if not access.is_office:
        raise Http404
    passed = list(
        Nomination.objects.filter(
            round=award_round, status=Nomination.Status.VOTED, vote_passed=True
        ).select_related("form")
    )
    if request.method == "POST":
        chosen = [n for n in passed if request.POST.get(f"n-{n.pk}")]
        try:
            decision = services.decision_draft(
                access=access,
                nominations=chosen,
                number=request.POST.get("number", "")[:60],
                date=_date(request.POST.get("date", "")) or timezone.localdate(),
                signer=request.POST.get("signer", "")[:200],
                signer_title=request.POST.get("signer_title", "")[:200],
                title=request.POST.get("title", "")[:500],
                user=request.user,
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            return redirect("decisions:detail", decision.pk)
    return render(request, "decisions/draft.html", {"round": award_round, "passed": passed})


@login_required
def decision_detail(request, pk):
    decision = selectors.decision_in_scope(scope=user_scope(request.user), pk=pk)
    _round, access = round_in_scope(scope=user_scope(request.user), pk=decision.round_id)
    return render(
        request,
        "decisions/decision.html",
        selectors.decision_context(decision) | {"can_issue": access.is_office},
    )


@login_required
@require_POST
def issue(request, pk):
    decision = selectors.decision_in_scope(scope=user_scope(request.user), pk=pk)
    _round, access = round_in_scope(scope=user_scope(request.user), pk=decision.round_id)
    try:
        services.decision_issue(access=access, decision=decision, user=request.user)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("decisions:detail", decision.pk)


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def decision_word(request, pk):
    """The Quyết định and its list as Word (a draft too: the office reads it before issuing)."""
    decision = selectors.decision_in_scope(scope=user_scope(request.user), pk=pk)
    if decision.kind != decision.Kind.DECISION:
        raise Http404
    if request.method != "GET":  # after the scope: a foreign id is a 404
        return HttpResponseNotAllowed(["GET"])
    try:
        data = decision_docx(decision)
    except DocumentTemplateError as exc:
        messages.error(request, str(exc))
        return redirect("decisions:detail", decision.pk)
    response = HttpResponse(data, DOCX)
    response["Content-Disposition"] = f'attachment; filename="{decision_filename(decision)}"'
    return response


@login_required
@require_POST
def certificates(request, pk):
    """Giấy khen / bằng khen of every awardee of an issued decision, as one PDF (a job)."""
    decision = selectors.decision_in_scope(scope=user_scope(request.user), pk=pk)
    records = list(
        AwardRecord.objects.filter(decision_line__decision=decision).only("pk").order_by("pk")
    )
    if not decision.is_issued or not records:
        raise Http404
    title = _("In giấy khen, bằng khen theo Quyết định số %(n)s") % {"n": decision.number}
    job = records_certificates_start(
        user=request.user, records=records, title=title, unit=decision.unit
    )
    return job_started(request, job)


@login_required
@require_POST
def decision_pdf(request, pk):
    """The Quyết định and its list as PDF, made by a background job."""
    decision = selectors.decision_in_scope(scope=user_scope(request.user), pk=pk)
    if decision.kind != decision.Kind.DECISION:
        raise Http404
    return job_started(request, decision_pdf_start(user=request.user, decision=decision))
