"""Pages of the nomination workflow (thin: scope, parse, one service, render)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.models import AwardForm
from core.http import client_ip
from core.params import parse_id
from documents.render import DocumentTemplateError
from jobs.views import job_started
from nominations import candidates, selectors, services
from nominations.documents import proposal_docx, report_docx
from nominations.forms import (
    AchievementsForm,
    AttachmentForm,
    CommentForm,
    PublishForm,
    fill_stamp,
)
from nominations.models import CheckItem, Nomination
from nominations.tasks import (
    proposal_filename,
    proposal_pdf_start,
    report_filename,
    report_pdf_start,
)
from org.models import OrgUnit, Role
from org.scope import user_scope

COMMENTS_PER_HOUR = 10  # per address, on the public page


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def round_list(request):
    scope = user_scope(request.user)
    rounds = list(selectors.round_list(scope=scope))
    can_open = any(g.role == Role.COORDINATOR for g in scope.grants)
    return render(request, "nominations/rounds.html", {"rounds": rounds, "can_open": can_open})


@login_required
@require_POST
def nominate(request, pk):
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    form = get_object_or_404(AwardForm, pk=parse_id(request.POST.get("form")), is_active=True)
    kind = request.POST.get("doi_tuong", "")
    if kind:  # a person, a household or an enterprise picked on the round page
        subject = candidates.candidate_in_scope(
            access=access, subject_type=kind, pk=request.POST.get("subject")
        )
        back = f"{award_round.get_absolute_url()}?hinh_thuc={form.pk}&doi_tuong={kind}"
    else:
        subject = get_object_or_404(
            OrgUnit.objects.filter(access.scope.unit_q()), pk=parse_id(request.POST.get("unit"))
        )
        back = f"{award_round.get_absolute_url()}?hinh_thuc={form.pk}"
    try:
        nomination = services.nomination_create(
            access=access,
            form=form,
            subject=subject,
            proposer=candidates.proposer_for(access, subject) if kind else None,
            user=request.user,
            override_reason=request.POST.get("override_reason", "")[:2000],
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
        return redirect(back)
    return redirect(nomination.get_absolute_url())


@login_required
@require_POST
def publish(request, pk):
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    if not access.can_publish:
        raise Http404
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            count = services.round_publish(
                access=access, days=form.cleaned_data["days"], user=request.user
            )
            messages.success(request, _("Đã công khai %(n)s đề nghị.") % {"n": count})
        except ValidationError as exc:
            _errors(request, exc)
    return redirect(award_round.get_absolute_url())


@login_required
def nomination_detail(request, pk):
    nomination, access = selectors.nomination_in_scope(scope=user_scope(request.user), pk=pk)
    form = AchievementsForm(initial={"achievements": nomination.achievements})
    if request.method == "POST":
        if not access.can_edit(nomination):
            raise Http404
        form = AchievementsForm(request.POST)
        if form.is_valid():
            services.nomination_update(
                access=access,
                nomination=nomination,
                achievements=form.cleaned_data["achievements"],
                user=request.user,
            )
            messages.success(request, _("Đã lưu thành tích."))
            return redirect(nomination.get_absolute_url())
    return render(
        request,
        "nominations/nomination.html",
        {"nomination": nomination, "access": access, "form": form, "attach_form": AttachmentForm()}
        | selectors.nomination_context(nomination, access),
    )


@login_required
@require_POST
def nomination_action(request, pk):
    nomination, access = selectors.nomination_in_scope(scope=user_scope(request.user), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "submit":
            try:
                services.nomination_submit(access=access, nomination=nomination, user=request.user)
            except services.SendingRefused:
                pass  # the page says why next to the button (RoundAccess.send_refusal)
        elif action == "check":
            services.nomination_check(access=access, nomination=nomination, user=request.user)
        elif action == "return":
            reasons = {item: request.POST.get(f"reason-{item}", "")[:2000] for item in CheckItem}
            services.nomination_return(
                access=access, nomination=nomination, reasons=reasons, user=request.user
            )
        else:
            raise Http404
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(nomination.get_absolute_url())


@login_required
@require_POST
def attach(request, pk):
    nomination, access = selectors.nomination_in_scope(scope=user_scope(request.user), pk=pk)
    if not access.can_edit(nomination):
        raise Http404
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                access=access,
                nomination=nomination,
                item=form.cleaned_data["item"],
                upload=form.cleaned_data["file"],
                user=request.user,
            )
        except ValidationError as exc:
            _errors(request, exc)
    else:
        messages.error(request, _("Chọn loại tài liệu và tệp."))
    return redirect(nomination.get_absolute_url())


def public_round(request, token):
    """Công khai (no login): the published list, and a comment form while the period runs."""
    award_round, nominations = selectors.public_round(token=token)
    is_open = services.comments_open(award_round)
    sent = None
    form = CommentForm(initial={"stamp": fill_stamp()})
    if request.method == "POST":
        if not is_open:
            raise Http404
        nomination = next(
            (n for n in nominations if n.pk == parse_id(request.POST.get("nomination"))), None
        )
        if nomination is None:
            raise Http404
        key = f"nominations:comment:{client_ip(request)}"
        count = cache.get_or_set(key, 0, 3600)
        form = CommentForm(request.POST)
        if count >= COMMENTS_PER_HOUR:
            form.add_error(None, _("Địa chỉ này đã gửi nhiều ý kiến, hãy thử lại sau một giờ."))
        elif form.is_valid():
            try:
                services.comment_add(
                    nomination=nomination,
                    name=form.cleaned_data["name"],
                    contact=form.cleaned_data["contact"],
                    text=form.cleaned_data["text"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                cache.set(key, count + 1, 3600)
                sent = nomination
                form = CommentForm(initial={"stamp": fill_stamp()})
    status = 200 if form.is_bound is False or not form.errors else 400
    return render(
        request,
        "nominations/public.html",
        {
            "round": award_round,
            "nominations": nominations,
            "is_open": is_open,
            "form": form,
            "sent": sent,
            "statuses": Nomination.Status,
        },
        status=status,
    )


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _word(request, render_docx, filename: str, back):
    try:
        data = render_docx()
    except DocumentTemplateError as exc:
        messages.error(request, str(exc))
        return redirect(*back)
    response = HttpResponse(data, DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def proposal_word(request, pk):
    """Tờ trình Mẫu 01 of the round's checked and published nominations, as Word."""
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    if request.method != "GET":  # after the scope: a foreign id is a 404
        return HttpResponseNotAllowed(["GET"])
    return _word(
        request,
        lambda: proposal_docx(scope=access.scope, award_round=award_round),
        proposal_filename(award_round),
        ("nominations:round", award_round.pk),
    )


@login_required
def report_word(request, pk):
    """Báo cáo thành tích Mẫu 08 of the nomination's subject, prefilled, as Word."""
    nomination, access = selectors.nomination_in_scope(scope=user_scope(request.user), pk=pk)
    if request.method != "GET":  # after the scope: a foreign id is a 404
        return HttpResponseNotAllowed(["GET"])
    return _word(
        request,
        lambda: report_docx(scope=access.scope, nomination=nomination),
        report_filename(nomination),
        ("nominations:detail", nomination.pk),
    )


@login_required
@require_POST
def proposal_pdf(request, pk):
    """Tờ trình Mẫu 01 as PDF, made by a background job."""
    award_round, _access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    return job_started(request, proposal_pdf_start(user=request.user, award_round=award_round))


@login_required
@require_POST
def report_pdf(request, pk):
    """Báo cáo thành tích Mẫu 08 as PDF, made by a background job."""
    nomination, _access = selectors.nomination_in_scope(scope=user_scope(request.user), pk=pk)
    return job_started(request, report_pdf_start(user=request.user, nomination=nomination))
