"""Coordinators' page for the indicators their schedules ask for."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from indicators import services as indicator_services
from indicators.forms import IndicatorForm
from org.models import Role
from org.scope import user_scope

# Where a coordinator goes back to when the page names no `next`: the schedules, where
# indicators are put to use (named, not imported: reporting sits above indicators).
DEFAULT_NEXT = reverse_lazy("reporting:schedules")


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request):
    """Coordinators define what is measured (a ratio, a count, an amount, yes/no, a text); the
    indicator is their province's (indicators.services)."""
    scope = user_scope(request.user)
    if not scope.has_role(Role.COORDINATOR):
        raise Http404
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        indicator = indicator_services.indicator_create(
            scope=scope, indicator=form.save(commit=False)
        )
        messages.success(request, _("Đã thêm chỉ số “%(n)s”.") % {"n": indicator.name})
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = DEFAULT_NEXT
        return redirect(target or DEFAULT_NEXT)
    return render(
        request,
        "indicators/indicator_form.html",
        {"form": form, "next": request.GET.get("next", ""), "default_next": DEFAULT_NEXT},
    )
