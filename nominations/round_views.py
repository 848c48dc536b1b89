"""Pages of a round itself (thin: scope, parse, one service of nominations/rounds.py, render):
the round page, opening and editing a round, its quotas, and stopping new nominations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.params import parse_id, parse_int
from evaluation.models import RankingVersion
from nominations import candidates, rounds, selectors
from nominations.forms import PublishForm, QuotaForm, ReopenForm, RoundForm
from nominations.models import RoundQuota
from org.models import OrgUnit, Role
from org.scope import user_scope


def _form_errors(form, exc: ValidationError) -> None:
    """A service's messages next to the fields they are about (the rest above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _quota_form(award_round, data=None) -> QuotaForm:
    current = dict(RoundQuota.objects.filter(round=award_round).values_list("form_id", "limit"))
    return QuotaForm(
        data,
        award_round=award_round,
        award_forms=rounds.round_forms(award_round),
        current=current,
    )


def _round_page(request, award_round, access, *, quota_form=None, reopen_form=None, status=200):
    forms = rounds.round_forms(award_round)
    form = next((f for f in forms if f.pk == parse_id(request.GET.get("hinh_thuc"))), None)
    form = form or next((f for f in forms if f.one_per_block_per_year), forms[0] if forms else None)
    today = timezone.localdate()
    nominations_open = award_round.nominations_open(today)
    is_open = form is not None and nominations_open
    suggestions = (
        selectors.ranking_suggestions(award_round=award_round, form=form, today=today)
        if is_open
        else []
    )
    # People, households, enterprises: the kind picked among those the form is given to.
    kinds = candidates.kinds_for(form)
    kind = request.GET.get("doi_tuong")
    kind = kind if kind in dict(kinds) else (kinds[0][0] if kinds else "")
    query = request.GET.get("q", "")[:200]
    candidate_list = (
        candidates.candidate_list(
            access=access, form=form, subject_type=kind, query=query, today=today
        )
        if is_open and kind
        else []
    )
    quotas = selectors.round_quotas(award_round)
    office = {}
    if access.is_office:
        # Past the form's quota the office may still propose, with a reason (the service asks
        # for it); until then the reason box would only lengthen every row.
        office["quota_full"] = any(line.form == form and line.full for line in quotas)
        if not award_round.published_at:
            quota_form = quota_form or _quota_form(award_round)
            office["quota_form"] = quota_form
            office["quota_rows"] = list(quota_form.rows(selectors.form_use(award_round)))
        if award_round.closed_at and not award_round.published_at:
            office["reopen_form"] = reopen_form or ReopenForm(award_round=award_round)
        office["edit_refusal"] = rounds.edit_refusal(award_round)
        office["history"] = selectors.round_history(award_round)
    return render(
        request,
        "nominations/round.html",
        {
            "round": award_round,
            "access": access,
            "nominations_open": nominations_open,
            "deadline_passed": award_round.deadline_passed(today),
            "forms": forms,
            "form": form,
            "suggestions": [s for s in suggestions if access.can_propose_for(s.entry.unit)],
            "kinds": kinds,
            "kind": kind,
            "q": query,
            "candidates": candidate_list,
            "quotas": quotas,
            "nominations": selectors.round_nominations(scope=access.scope, award_round=award_round),
            "publish_form": PublishForm(),
            **office,
        },
        status=status,
    )


@login_required
def round_detail(request, pk):
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    return _round_page(request, award_round, access)


def _coordinated_units(scope):
    """The units whose standing office the person is: a round is opened at one of them."""
    ids = [g.unit_id for g in scope.grants if g.role == Role.COORDINATOR]
    return OrgUnit.objects.filter(pk__in=ids).order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def round_new(request):
    scope = user_scope(request.user)
    units = _coordinated_units(scope)
    if not units.exists():
        raise Http404
    rankings = RankingVersion.objects.filter(scheme__issuer__in=units).select_related("scheme")
    form = RoundForm(request.POST or None, units=units, rankings=rankings)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            award_round = rounds.round_create(scope=scope, user=request.user, **data)
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã mở đợt xét khen thưởng."))
            return redirect(award_round.get_absolute_url())
    return render(request, "nominations/round_form.html", {"form": form, "round": None})


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request, pk):
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    if not access.is_office:
        raise Http404
    refusal = rounds.edit_refusal(award_round)
    if refusal:
        messages.error(request, refusal)
        return redirect(award_round.get_absolute_url())
    rankings = RankingVersion.objects.filter(scheme__issuer=award_round.unit).select_related(
        "scheme"
    )
    form = RoundForm(request.POST or None, instance=award_round, units=None, rankings=rankings)
    if request.method == "POST" and form.is_valid():
        try:
            rounds.round_update(
                access=access,
                data=form.cleaned_data,
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu đợt xét khen thưởng."))
            return redirect(award_round.get_absolute_url())
    return render(request, "nominations/round_form.html", {"form": form, "round": award_round})


@login_required
@require_POST
def round_quotas(request, pk):
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    if not access.is_office:
        raise Http404
    form = _quota_form(award_round, request.POST)
    if form.is_valid():
        try:
            rounds.round_quotas_set(
                access=access,
                limits=form.limits(),
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu của đợt."))
            return redirect(award_round.get_absolute_url())
    return _round_page(request, award_round, access, quota_form=form, status=400)


@login_required
@require_POST
def round_close(request, pk):
    award_round, access = selectors.round_in_scope(scope=user_scope(request.user), pk=pk)
    if not access.is_office:
        raise Http404
    closed = request.POST.get("action") != "reopen"
    form = ReopenForm(request.POST, award_round=award_round)
    if not closed and not form.is_valid():
        return _round_page(request, award_round, access, reopen_form=form, status=400)
    try:
        rounds.round_close(
            access=access,
            closed=closed,
            expected_version=parse_int(request.POST.get("version")),
            user=request.user,
            deadline=None if closed else form.cleaned_data["deadline"],
        )
    except ValidationError as exc:
        if not closed and hasattr(exc, "error_dict"):
            _form_errors(form, exc)
            return _round_page(request, award_round, access, reopen_form=form, status=400)
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Đợt đã dừng nhận đề nghị.") if closed else _("Đợt nhận đề nghị trở lại."),
        )
    return redirect(award_round.get_absolute_url())
