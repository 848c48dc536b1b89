"""Sáng kiến, mô hình: the list with its filters, who has none this year, the page of one with its
history, and its steps. Views parse and call one service; rules live in services and access."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.http import client_ip
from core.params import YEAR_MAX, YEAR_MIN, parse_int
from initiatives import selectors, services
from initiatives.access import (
    InitiativeActions,
    author_units,
    coordinates,
    visible_q,
)
from initiatives.forms import (
    EvidenceForm,
    FilterForm,
    InitiativeForm,
    ReasonForm,
    RecogniseForm,
    ReplicationForm,
)
from initiatives.models import Evidence
from org.scope import get_in_scope_or_404, user_scope

PAGE_SIZE = 100


def _errors_to_form(form, exc: ValidationError) -> None:
    for key, msgs in exc.message_dict.items():
        form.add_error(key if key in form.fields else None, msgs)


@login_required
def initiative_list(request):
    scope = user_scope(request.user)
    form = FilterForm(request.GET or None, units=selectors.filter_units(scope=scope))
    filters = selectors.InitiativeFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.InitiativeFilters(
            field=data["field"],
            status=data["status"],
            level=data["level"],
            unit=data["unit"],
            year=data["year"],
            query=data["q"],
        )
    rows = list(selectors.initiative_list(scope=scope, filters=filters)[: PAGE_SIZE + 1])
    return render(
        request,
        "initiatives/initiative_list.html",
        {
            "form": form,
            "initiatives": rows[:PAGE_SIZE],
            "more": len(rows) > PAGE_SIZE,
            "may_register": author_units(scope).exists(),
            "coordinates": coordinates(scope),
        },
    )


@login_required
def units_without(request):
    """Seed 004 §II.2d: the coordinator sees the units with no initiative in the year."""
    scope = user_scope(request.user)
    if not coordinates(scope):
        raise Http404
    year = parse_int(request.GET.get("year"), minimum=YEAR_MIN, maximum=YEAR_MAX)
    year = year or timezone.localdate().year
    units = list(selectors.units_without_initiative(scope=scope, year=year))
    return render(request, "initiatives/units_without.html", {"year": year, "units": units})


def _form(scope, data=None, initiative=None):
    units = author_units(scope) if initiative is None else [initiative.unit]
    unit_list = list(units)
    # A person who registers for one unit only finds it chosen.
    initial = {"unit": unit_list[0].pk} if initiative is None and len(unit_list) == 1 else None
    if initiative is not None:
        initial = {
            "title": initiative.title,
            "field": initiative.field,
            "person": initiative.person_id,
            "description": initiative.description,
            "effect": initiative.effect,
            "expected_result": initiative.expected_result,
            "targets": [t.pk for t in initiative.targets.all()],
        }
    return InitiativeForm(
        data,
        initial=initial,
        units=author_units(scope),
        people=selectors.people_of(units=unit_list),
        targets=selectors.target_choices(units=unit_list),
        initiative=initiative,
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request):
    scope = user_scope(request.user)
    if not author_units(scope).exists():
        raise Http404
    form = _form(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit, year = data.pop("unit"), data.pop("year")
        try:
            initiative = services.initiative_create(
                scope=scope,
                user=request.user,
                unit=unit,
                year=year,
                data=data,
                ip=client_ip(request),
            )
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã đăng ký sáng kiến, mô hình."))
            return redirect("initiatives:detail", pk=initiative.pk)
    return render(request, "initiatives/initiative_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request, pk):
    scope = user_scope(request.user)
    initiative = selectors.initiative_get(scope=scope, pk=pk)
    if not InitiativeActions(scope, initiative).can_edit:
        raise Http404
    form = _form(scope, request.POST or None, initiative)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(
                scope=scope,
                user=request.user,
                initiative=initiative,
                expected_version=parse_int(request.POST.get("version"), minimum=0) or 0,
                data=form.cleaned_data,
                ip=client_ip(request),
            )
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã lưu sáng kiến."))
            return redirect("initiatives:detail", pk=pk)
    return render(
        request, "initiatives/initiative_form.html", {"form": form, "initiative": initiative}
    )


@login_required
def initiative_detail(request, pk):
    scope = user_scope(request.user)
    initiative = selectors.initiative_get(scope=scope, pk=pk)
    actions = InitiativeActions(scope, initiative)
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "actions": actions,
            "evidence_form": EvidenceForm(),
            "recognise_form": (
                RecogniseForm(levels=actions.levels) if actions.can_recognise else None
            ),
            "reason_form": ReasonForm(),
            "replication_form": (
                ReplicationForm(units=actions.replicating_units) if actions.can_replicate else None
            ),
        },
    )


@login_required
@require_POST
def initiative_step(request, pk, step):
    """send, review, recognise, return, refuse, evidence, replicate: one service each."""
    scope = user_scope(request.user)
    initiative = selectors.initiative_get(scope=scope, pk=pk)
    actions = InitiativeActions(scope, initiative)
    common = {"scope": scope, "user": request.user, "initiative": initiative}
    common["ip"] = client_ip(request)
    try:
        if step == "submit":
            services.initiative_submit(**common)
            done = _("Đã gửi sáng kiến để xem xét, công nhận.")
        elif step == "review":
            services.initiative_take_for_review(**common)
            done = _("Đã tiếp nhận sáng kiến để xem xét.")
        elif step == "recognise":
            if not actions.is_reviewer:
                raise Http404
            form = RecogniseForm(request.POST, levels=actions.levels)
            if not form.is_valid():
                raise ValidationError(form.errors)
            services.initiative_recognise(**common, **form.cleaned_data)
            done = _("Đã công nhận sáng kiến.")
        elif step in ("return", "refuse"):
            reason = request.POST.get("reason", "")
            service = services.initiative_return if step == "return" else services.initiative_refuse
            service(**common, reason=reason)
            done = _("Đã trả lại sáng kiến.") if step == "return" else _("Đã ghi không công nhận.")
        elif step == "evidence_add":
            services.evidence_add(
                **common, upload=request.FILES.get("file"), link=request.POST.get("link", "")
            )
            done = _("Đã thêm minh chứng.")
        elif step == "replicate":
            form = ReplicationForm(request.POST, units=actions.replicating_units)
            if not form.is_valid():
                if "unit" in form.errors:
                    raise Http404
                raise ValidationError(form.errors)
            services.replication_record(**common, **form.cleaned_data)
            done = _("Đã ghi nhận nhân rộng.")
        else:
            raise Http404
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("initiatives:detail", pk=pk)


@login_required
def evidence_download(request, pk):
    scope = user_scope(request.user)
    evidence = get_in_scope_or_404(
        Evidence.objects.select_related("initiative"), visible_q(scope, "initiative__"), pk=pk
    )
    if not evidence.file:
        raise Http404
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@login_required
@require_POST
def evidence_delete(request, pk):
    scope = user_scope(request.user)
    evidence = get_in_scope_or_404(
        Evidence.objects.select_related("initiative__unit"),
        visible_q(scope, "initiative__"),
        pk=pk,
    )
    try:
        services.evidence_delete(
            scope=scope, user=request.user, evidence=evidence, ip=client_ip(request)
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xóa minh chứng."))
    return redirect("initiatives:detail", pk=evidence.initiative_id)
