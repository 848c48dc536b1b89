"""Đăng ký thi đua: a unit's yearly commitment, submitted by its reporter, approved by its head."""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.formats import number_vi
from core.http import client_ip
from core.params import parse_int
from org.models import Role
from org.scope import user_scope
from registrations import selectors, services, subjects
from registrations.actions import RegistrationActions
from registrations.forms import (
    INITIATIVE_FIELDS,
    EnterpriseRegistrationForm,
    HouseholdRegistrationForm,
    PersonRegistrationForm,
    RegistrationStartForm,
    RoundOpenForm,
    parse_registration_post,
)
from registrations.titles import individual_titles
from reporting import permissions
from reporting.views import _messages_of


@login_required
@require_http_methods(["GET", "POST"])
def registration_list(request):
    scope = user_scope(request.user)
    form = None
    if scope.has_role(Role.REPORTER):
        form = RegistrationStartForm(
            request.POST or None,
            plans=selectors.plans_to_register(scope=scope),
            units=scope.units(roles=[Role.REPORTER]).order_by("path"),
        )
        if request.method == "POST" and form.is_valid():
            try:
                registration = services.registration_open(scope=scope, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                return redirect("registrations:detail", pk=registration.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "registrations/registration_list.html",
        {
            "registrations": selectors.registration_list(scope=scope),
            "rounds": selectors.round_list(scope=scope),
            "may_open_round": scope.has_role(Role.COORDINATOR),
            "form": form,
        },
    )


def _context(scope, registration, **extra):
    rows = list(registration.targets.select_related("target").order_by("target__order", "pk"))
    posted = extra.get("posted") or {}
    for row in rows:
        row.key = f"target-{row.target_id}"
        # After a refused save the page shows what was typed, not the saved figures.
        row.shown_value = posted.get(f"r-{row.target_id}-value", number_vi(row.value))
        row.shown_note = posted.get(f"r-{row.target_id}-note", row.note)
    initiatives = list(registration.initiatives.all())
    if posted:
        _targets, typed, _errors = parse_registration_post(registration, posted)
        labels = dict(INITIATIVE_FIELDS)
        # Those already sent for recognition are not posted: they stay as they are.
        initiatives = [i for i in initiatives if not i.is_draft] + [
            SimpleNamespace(
                **item,
                pk=item.get("id"),
                is_draft=True,
                get_field_display=labels.get(item["field"], ""),
            )
            for item in typed
        ]
    context = {
        "registration": registration,
        "rows": rows,
        "initiatives": initiatives,
        "blank_initiatives": range(len(initiatives), len(initiatives) + 3),
        "initiative_count": len(initiatives) + 3,
        "fields": INITIATIVE_FIELDS,
        "actions": RegistrationActions(scope, registration),
        "events": registration.events.select_related("user").order_by("at"),
        "errors": {},
    }
    context.update(extra)
    return context


@login_required
@require_http_methods(["GET", "POST"])
def registration_detail(request, pk):
    scope = user_scope(request.user)
    registration = selectors.registration_in_scope(scope=scope, pk=pk)
    if request.method == "POST":
        if not RegistrationActions(scope, registration).is_reporter:
            raise Http404
        targets, initiatives, errors = parse_registration_post(registration, request.POST)
        if not errors:
            try:
                registration = services.registration_save(
                    scope=scope,
                    user=request.user,
                    registration=registration,
                    expected_version=parse_int(request.POST.get("version"), minimum=0) or 0,
                    targets=targets,
                    initiatives=initiatives,
                    note=request.POST.get("note", ""),
                    ip=client_ip(request),
                )
                if "submit" in request.POST:
                    services.registration_submit(
                        scope=scope,
                        user=request.user,
                        registration=registration,
                        ip=client_ip(request),
                    )
                    messages.success(request, _("Đã gửi bản đăng ký để thủ trưởng duyệt."))
                else:
                    messages.success(request, _("Đã lưu bản đăng ký."))
                return redirect("registrations:detail", pk=pk)
            except PermissionDenied as exc:
                raise Http404 from exc
            except ValidationError as exc:
                errors = _messages_of(exc)
        registration.refresh_from_db()
        return render(
            request,
            "registrations/registration_detail.html",
            _context(scope, registration, errors=errors, posted=request.POST),
            status=400,
        )
    return render(request, "registrations/registration_detail.html", _context(scope, registration))


@login_required
@require_POST
def registration_decide(request, pk):
    """The head approves, or returns with a reason."""
    scope = user_scope(request.user)
    registration = selectors.registration_in_scope(scope=scope, pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            services.registration_approve(
                scope=scope, user=request.user, registration=registration, ip=client_ip(request)
            )
            messages.success(request, _("Đã duyệt bản đăng ký thi đua."))
        else:
            services.registration_return(
                scope=scope,
                user=request.user,
                registration=registration,
                reason=request.POST.get("reason", ""),
                ip=client_ip(request),
            )
            messages.success(request, _("Đã trả lại bản đăng ký."))
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("registrations:detail", pk=pk)


# --- Rounds ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request):
    """The coordinator of a plan's issuer opens its yearly registration with a deadline."""
    scope = user_scope(request.user)
    plans = selectors.plans_to_open_rounds(scope=scope)
    if not scope.has_role(Role.COORDINATOR):
        raise Http404
    form = RoundOpenForm(request.POST or None, plans=plans)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_open(scope=scope, user=request.user, **form.cleaned_data)
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            for key, msgs in exc.message_dict.items():
                form.add_error(key if key in form.fields else None, msgs)
        else:
            messages.success(request, _("Đã mở đợt đăng ký thi đua."))
            return redirect("registrations:round", pk=round_.pk)
    return render(request, "registrations/round_form.html", {"form": form})


@login_required
def round_detail(request, pk):
    """Block by block: who registered, who did not, who was returned, who is late."""
    scope = user_scope(request.user)
    round_ = selectors.round_in_scope(scope=scope, pk=pk)
    board = selectors.round_board(scope=scope, round_=round_)
    can_remind = permissions.may_receive(scope, round_.plan)
    enterprises, people, households = subjects.round_subjects(scope=scope, round_=round_)
    context = {
        "board": board,
        "round": round_,
        "can_remind": can_remind,
        "enterprise_rows": enterprises,
        "person_rows": people,
        "household_rows": households,
        **_subject_forms(request, scope, round_),
    }
    return render(request, "registrations/round_detail.html", context)


def _subject_forms(request, scope, round_, data=None) -> dict:
    """The two registration forms of the round page, offered only with something to choose."""
    enterprises = subjects.enterprises_to_register(scope=scope, round_=round_)
    people = subjects.people_to_register(scope=scope, user=request.user, round_=round_)
    titles = individual_titles()
    households = subjects.households_to_register(scope=scope, round_=round_)
    return {
        "household_form": HouseholdRegistrationForm(data, households=households)
        if households.exists()
        else None,
        "enterprise_form": EnterpriseRegistrationForm(data, enterprises=enterprises)
        if enterprises.exists()
        else None,
        "person_form": PersonRegistrationForm(data, people=people, titles=titles)
        if titles and people.exists()
        else None,
    }


def _register(request, pk, kind):
    scope = user_scope(request.user)
    round_ = selectors.round_in_scope(scope=scope, pk=pk)
    forms = _subject_forms(request, scope, round_, request.POST)
    form = forms[f"{kind}_form"]
    if form is None:
        raise Http404
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("registrations:round", pk=pk)
    data = dict(form.cleaned_data)
    try:
        subjects.subject_register(scope=scope, user=request.user, round_=round_, **data)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã ghi nhận bản đăng ký; chờ duyệt."))
    return redirect("registrations:round", pk=pk)


@login_required
@require_POST
def round_register_enterprise(request, pk):
    return _register(request, pk, "enterprise")


@login_required
@require_POST
def round_register_person(request, pk):
    return _register(request, pk, "person")


@login_required
@require_POST
def round_register_household(request, pk):
    return _register(request, pk, "household")


@login_required
@require_POST
def subject_decide(request, pk):
    scope = user_scope(request.user)
    registration = subjects.subject_registration_in_scope(scope=scope, pk=pk)
    try:
        subjects.subject_decide(
            scope=scope,
            user=request.user,
            registration=registration,
            approve=request.POST.get("decision") == "approve",
            reason=request.POST.get("reason", ""),
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã ghi quyết định."))
    return redirect("registrations:round", pk=registration.round_id)


@login_required
@require_POST
def round_remind(request, pk):
    scope = user_scope(request.user)
    round_ = selectors.round_in_scope(scope=scope, pk=pk)
    try:
        outcome = services.round_remind(scope=scope, user=request.user, round_=round_)
    except PermissionDenied as exc:
        raise Http404 from exc
    if outcome.sent:
        messages.success(request, _("Đã gửi thư nhắc đến %(n)s đơn vị.") % {"n": len(outcome.sent)})
    else:
        messages.info(request, _("Không có đơn vị nào cần nhắc thêm."))
    if outcome.without_address:
        names = ", ".join(unit.name for unit in outcome.without_address)
        messages.warning(request, _("Chưa có địa chỉ thư để nhắc: %(units)s.") % {"units": names})
    return redirect("registrations:round", pk=pk)
