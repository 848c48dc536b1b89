"""Households and enterprises of a coordinator's localities: list with a search that ignores
diacritics, add, edit. Every query goes through the user's scope; an id outside it is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.params import parse_id
from org.forms import EnterpriseForm, HouseholdForm
from org.models import Enterprise, Household
from org.scope import MANAGE_ROLES, get_in_scope_or_404, user_scope
from org.selectors import enterprise_list as enterprise_rows
from org.selectors import household_list as household_rows
from org.selectors import subject_history, subject_places
from org.services import enterprise_save, household_save

KINDS = {
    "household": {
        "model": Household,
        "form": HouseholdForm,
        "rows": household_rows,
        "save": household_save,
        "title": gettext_lazy("Hộ gia đình, nông dân, người lao động"),
        "one": gettext_lazy("hộ gia đình"),
        "list_url": "org:households",
        "add_url": "org:household_add",
        "edit_url": "org:household_edit",
    },
    "enterprise": {
        "model": Enterprise,
        "form": EnterpriseForm,
        "rows": enterprise_rows,
        "save": enterprise_save,
        "title": gettext_lazy("Doanh nghiệp, hợp tác xã"),
        "one": gettext_lazy("doanh nghiệp, hợp tác xã"),
        "list_url": "org:enterprises",
        "add_url": "org:enterprise_add",
        "edit_url": "org:enterprise_edit",
    },
}


def _coordinator_scope(request):
    scope = user_scope(request.user)
    if not scope.has_role(*MANAGE_ROLES):
        raise Http404
    return scope


def _list(request, kind: str):
    scope = _coordinator_scope(request)
    config = KINDS[kind]
    query = request.GET.get("q", "")
    unit_id = parse_id(request.GET.get("unit"))
    rows = config["rows"](scope=scope, query=query, unit_id=unit_id)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "kind": kind,
        "config": config,
        "page": page,
        "q": query,
        "unit_id": unit_id,
        "places": subject_places(scope),
    }
    return render(request, f"org/{kind}_list.html", context)


def _edit(request, kind: str, pk: int | None):
    scope = _coordinator_scope(request)
    config = KINDS[kind]
    instance = None
    if pk is not None:
        instance = get_in_scope_or_404(
            config["model"].objects.select_related("unit__unit_type"),
            scope.unit_q("unit", MANAGE_ROLES),
            pk=pk,
        )
    form = config["form"](request.POST or None, instance=instance, scope=scope)
    if request.method == "POST" and form.is_valid():
        try:
            config["save"](scope=scope, user=request.user, **{kind: instance}, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Đã lưu %(what)s.") % {"what": config["one"]})
            return redirect(config["list_url"])
    context = {"kind": kind, "config": config, "form": form, "object": instance}
    context["history"] = subject_history(instance) if instance else []
    return render(request, "org/subject_form.html", context)


@login_required
def household_list(request):
    return _list(request, "household")


@login_required
def household_edit(request, pk=None):
    return _edit(request, "household", pk)


@login_required
def enterprise_list(request):
    return _list(request, "enterprise")


@login_required
def enterprise_edit(request, pk=None):
    return _edit(request, "enterprise", pk)
