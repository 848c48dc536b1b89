"""The coordinator's scheme editing pages: create, copy, edit groups, criteria and bonus and
penalty lines. Thin: forms parse, evaluation.schemes decides; a refused edit re-renders the page
with the person's input and the Vietnamese reason next to the field."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.params import parse_id
from evaluation import schemes, selectors
from evaluation.access import EvaluationAccess
from evaluation.forms import (
    AdjustmentRuleForm,
    CriterionForm,
    GroupForm,
    SchemeCopyForm,
    SchemeCreateForm,
    SchemeFieldsForm,
)
from org.scope import MANAGE_ROLES, user_scope
from plans.models import Plan


def _managed(request, pk) -> EvaluationAccess:
    scope = user_scope(request.user)
    access = EvaluationAccess(scope, selectors.scheme_in_scope(scope=scope, pk=pk))
    if not access.can_manage:
        raise Http404
    return access


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for key, msgs in exc.message_dict.items():
            form.add_error(key if key in form.fields else None, msgs)
    else:
        form.add_error(None, exc.messages)


def _plans(scope):
    return (
        Plan.objects.filter(scope.unit_q("issuer", roles=MANAGE_ROLES))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .select_related("issuer")
        .order_by("issuer__path", "-created_at")
    )


@login_required
def scheme_create(request):
    scope = user_scope(request.user)
    if not scope.has_role(*MANAGE_ROLES):
        raise Http404
    form = SchemeCreateForm(request.POST or None, plans=_plans(scope))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            scheme = schemes.scheme_create(
                scope=scope, issuer=data["plan"].issuer, user=request.user, **data
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo bộ tiêu chí; thêm nhóm và tiêu chí."))
            return redirect("evaluation:scheme_edit", pk=scheme.pk)
    return render(request, "evaluation/scheme_form.html", {"form": form})


@login_required
def scheme_copy(request, pk):
    access = _managed(request, pk)
    source = access.scheme
    initial = {
        "name": source.name,
        "year": source.year + 1,
        "subject_type": source.subject_type,
        "cutoff": source.cutoff.replace(year=source.cutoff.year + 1)
        if not (source.cutoff.month == 2 and source.cutoff.day == 29)
        else source.cutoff.replace(year=source.cutoff.year + 1, day=28),
    }
    form = SchemeCopyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            copy = schemes.scheme_copy(access=access, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Đã sao chép thành bộ tiêu chí mới."))
            return redirect("evaluation:scheme_edit", pk=copy.pk)
    return render(request, "evaluation/scheme_copy.html", {"form": form, "scheme": source})


def _edit_page(request, access, bound=None, status=200):
    """The editing page; `bound` holds the one form being corrected, by its key."""
    scheme = access.scheme
    bound = bound or {}
    groups = selectors.scheme_groups(scheme)
    version = scheme.version
    rows = []
    for group in groups:
        criteria = [
            (
                c,
                bound.get(f"c-{c.pk}")
                or CriterionForm(
                    initial={f: getattr(c, f) for f in schemes.CRITERION_FIELDS}
                    | {"version": version},
                    prefix=f"c{c.pk}",
                ),
            )
            for c in group.criteria.all()
        ]
        add = bound.get(f"add-{group.pk}") or CriterionForm(
            initial={"version": version}, prefix=f"add{group.pk}"
        )
        rows.append((group, criteria, add))
    fields = bound.get("scheme") or SchemeFieldsForm(
        initial={f: getattr(scheme, f) for f in schemes.SCHEME_FIELDS} | {"version": version}
    )
    context = {
        "scheme": scheme,
        "frozen": schemes.is_frozen(scheme),
        "rows": rows,
        "fields_form": fields,
        "group_form": bound.get("group") or GroupForm(initial={"version": version}),
        "rule_form": bound.get("rule") or AdjustmentRuleForm(initial={"version": version}),
        "rules": list(scheme.adjustment_rules.all()),
        "problems": schemes.scheme_problems(scheme, groups),
        "points_sum": sum((c.max_points for g in groups for c in g.criteria.all()), 0),
    }
    return render(request, "evaluation/scheme_edit.html", context, status=status)


def _done(scheme, anchor=""):
    return redirect(reverse("evaluation:scheme_edit", args=[scheme.pk]) + anchor)


@login_required
def scheme_edit(request, pk):
    access = _managed(request, pk)
    if request.method != "POST":
        return _edit_page(request, access)
    form = SchemeFieldsForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        expected = data.pop("version")
        try:
            schemes.scheme_update(
                access=access, expected_version=expected, user=request.user, **data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu bộ tiêu chí."))
            return _done(access.scheme)
    return _edit_page(request, access, {"scheme": form}, status=400)


def _version(request):
    return parse_id(request.POST.get("version", ""))


def _act(request, access, call, key=None, form=None, anchor=""):
    """Run one edit; a refused one re-renders with its form and reason, or as a message."""
    try:
        call()
    except ValidationError as exc:
        if form is not None:
            _add_errors(form, exc)
            return _edit_page(request, access, {key: form}, status=400)
        for message in exc.messages:
            messages.error(request, message)
        return _done(access.scheme, anchor)
    messages.success(request, _("Đã lưu bộ tiêu chí."))
    return _done(access.scheme, anchor)


@login_required
@require_POST
def scheme_groups(request, pk):
    """Add, rename, move or delete a group of criteria (the `action` button pressed)."""
    access = _managed(request, pk)
    action, group_id = request.POST.get("action", ""), parse_id(request.POST.get("group", ""))
    expected = _version(request)
    if action in ("add", "rename"):
        form = GroupForm(request.POST)
        if not form.is_valid():
            if action == "rename":
                messages.error(request, _("Nhập tên nhóm tiêu chí."))
                return _done(access.scheme, f"#g{group_id}")
            return _edit_page(request, access, {"group": form}, status=400)
        name = form.cleaned_data["name"]
        if action == "add":
            return _act(
                request,
                access,
                lambda: schemes.group_add(access=access, expected_version=expected, name=name),
                "group",
                form,
            )
        return _act(
            request,
            access,
            lambda: schemes.group_rename(
                access=access, expected_version=expected, group_id=group_id, name=name
            ),
            anchor=f"#g{group_id}",
        )
    if action in ("up", "down"):
        step = -1 if action == "up" else 1
        return _act(
            request,
            access,
            lambda: schemes.group_move(
                access=access, expected_version=expected, group_id=group_id, step=step
            ),
            anchor=f"#g{group_id}",
        )
    if action == "delete":
        return _act(
            request,
            access,
            lambda: schemes.group_delete(
                access=access, expected_version=expected, group_id=group_id
            ),
        )
    raise Http404


@login_required
@require_POST
def scheme_criteria(request, pk):
    """Add a criterion to a group, save one, move it up or down, or delete it."""
    access = _managed(request, pk)
    action = request.POST.get("action", "")
    expected = _version(request)
    if action == "add":
        group_id = parse_id(request.POST.get("group", ""))
        form = CriterionForm(request.POST, prefix=f"add{group_id}")
        if not form.is_valid():
            return _edit_page(request, access, {f"add-{group_id}": form}, status=400)
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        expected = form.cleaned_data["version"]
        return _act(
            request,
            access,
            lambda: schemes.criterion_add(
                access=access, expected_version=expected, group_id=group_id, **data
            ),
            f"add-{group_id}",
            form,
        )
    criterion_id = parse_id(request.POST.get("criterion", ""))
    if action == "save":
        form = CriterionForm(request.POST, prefix=f"c{criterion_id}")
        if not form.is_valid():
            return _edit_page(request, access, {f"c-{criterion_id}": form}, status=400)
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        expected = form.cleaned_data["version"]
        return _act(
            request,
            access,
            lambda: schemes.criterion_update(
                access=access, expected_version=expected, criterion_id=criterion_id, **data
            ),
            f"c-{criterion_id}",
            form,
        )
    if action in ("up", "down"):
        step = -1 if action == "up" else 1
        return _act(
            request,
            access,
            lambda: schemes.criterion_move(
                access=access, expected_version=expected, criterion_id=criterion_id, step=step
            ),
            anchor=f"#c{criterion_id}",
        )
    if action == "delete":
        return _act(
            request,
            access,
            lambda: schemes.criterion_delete(
                access=access, expected_version=expected, criterion_id=criterion_id
            ),
        )
    raise Http404


@login_required
@require_POST
def scheme_rules(request, pk):
    """Add or delete a bonus or penalty line the scheme foresees."""
    access = _managed(request, pk)
    if request.POST.get("action") == "delete":
        expected = _version(request)
        rule_id = parse_id(request.POST.get("rule", ""))
        return _act(
            request,
            access,
            lambda: schemes.adjustment_rule_delete(
                access=access, expected_version=expected, rule_id=rule_id
            ),
            anchor="#rules",
        )
    form = AdjustmentRuleForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, access, {"rule": form}, status=400)
    data = dict(form.cleaned_data)
    expected = data.pop("version")
    return _act(
        request,
        access,
        lambda: schemes.adjustment_rule_add(access=access, expected_version=expected, **data),
        "rule",
        form,
        anchor="#rules",
    )
