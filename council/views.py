"""Pages of a council session (thin: scope, parse, one service, render)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.params import parse_int
from council import selectors, services
from council.documents import minutes_docx
from council.models import Choice, CouncilSession, VoterTurnout
from council.tasks import minutes_filename, minutes_pdf_start
from documents.render import DocumentTemplateError
from jobs.views import job_started
from nominations.selectors import round_in_scope
from org.scope import user_scope


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def session_list(request):
    sessions = selectors.session_list(scope=user_scope(request.user))
    return render(request, "council/sessions.html", {"sessions": sessions})


def _detail(request, session, access, receipt=None, status=200):
    member = access.member()
    items = selectors.agenda(session)
    has_voted = (
        member is not None and VoterTurnout.objects.filter(session=session, member=member).exists()
    )
    present, total, has_quorum = services.quorum(session)
    return render(
        request,
        "council/session.html",
        {
            "session": session,
            "access": access,
            "items": items,
            "members": list(session.members.select_related("person")),
            "member": member,
            "has_voted": has_voted,
            "receipt": receipt,
            "present": present,
            "total": total,
            "has_quorum": has_quorum,
            "choices": Choice.choices,
            "receipts": selectors.tally_receipts(session, items)
            if session.status == CouncilSession.Status.CLOSED
            else [],
        },
        status=status,
    )


@login_required
def session_detail(request, pk):
    session, access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    return _detail(request, session, access)


@login_required
def convene(request, pk):
    award_round, round_access = round_in_scope(scope=user_scope(request.user), pk=pk)
    if not round_access.is_office:
        raise Http404
    candidates = selectors.council_candidates(award_round.unit)
    if request.method == "POST":
        chosen = {p.pk: p for p in candidates if request.POST.get(f"member-{p.pk}")}
        chair = parse_int(request.POST.get("chair"))
        try:
            session = services.session_create(
                access=round_access,
                title=request.POST.get("title", "").strip()[:255]
                or _("Phiên họp Hội đồng xét %(round)s") % {"round": award_round.name},
                held_on=timezone.localdate(),
                place=request.POST.get("place", "")[:255],
                mode=request.POST.get("mode") or CouncilSession.Mode.ELECTRONIC,
                members=[
                    (p, request.POST.get(f"position-{pk}", "")[:120], pk == chair)
                    for pk, p in chosen.items()
                ],
                user=request.user,
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            return redirect("council:session", session.pk)
    return render(
        request,
        "council/convene.html",
        {"round": award_round, "candidates": candidates, "modes": CouncilSession.Mode.choices},
    )


@login_required
@require_POST
def session_open(request, pk):
    session, access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    present = [int(v) for v in request.POST.getlist("present") if v.isdigit()]
    try:
        services.session_open(access=access, present=present, user=request.user)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("council:session", session.pk)


@login_required
@require_POST
def vote(request, pk):
    """The secret ballot: the receipt is shown once, on this response, and stored nowhere
    with the member."""
    session, access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    choices = {item.pk: request.POST.get(f"item-{item.pk}", "") for item in session.items.all()}
    try:
        receipt = services.ballot_cast(access=access, choices=choices)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("council:session", session.pk)
    return _detail(request, session, access, receipt=receipt)


@login_required
@require_POST
def paper(request, pk):
    session, access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    results = {}
    for item in session.items.all():
        agree = parse_int(request.POST.get(f"agree-{item.pk}"), minimum=0)
        disagree = parse_int(request.POST.get(f"disagree-{item.pk}"), minimum=0)
        if agree is not None and disagree is not None:
            results[item.pk] = (agree, disagree)
    try:
        services.paper_results_enter(access=access, results=results, user=request.user)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("council:session", session.pk)


@login_required
@require_POST
def close(request, pk):
    session, access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    try:
        services.session_close(access=access, user=request.user)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("council:session", session.pk)


@login_required
def minutes_word(request, pk):
    """The Biên bản of the session as Word (members present, the tally of each nomination)."""
    session, _access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    if request.method != "GET":  # after the scope: a foreign id is a 404
        return HttpResponseNotAllowed(["GET"])
    try:
        data = minutes_docx(session)
    except DocumentTemplateError as exc:
        messages.error(request, str(exc))
        return redirect("council:session", session.pk)
    response = HttpResponse(
        data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{minutes_filename(session)}"'
    return response


@login_required
@require_POST
def minutes_pdf(request, pk):
    """The Biên bản as PDF, made by a background job."""
    session, _access = selectors.session_in_scope(scope=user_scope(request.user), pk=pk)
    return job_started(request, minutes_pdf_start(user=request.user, session=session))
