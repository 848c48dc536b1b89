from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from org.models import OrgUnit
from org.scope import get_in_scope_or_404, user_scope
from org.selectors import unit_list


@login_required
def unit_tree(request):
    scope = user_scope(request.user)
    query = request.GET.get("q", "")
    units = unit_list(scope=scope, query=query)
    return render(request, "org/unit_tree.html", {"units": units[:2000], "q": query})


@login_required
def unit_detail(request, pk):
    scope = user_scope(request.user)
    unit = get_in_scope_or_404(
        OrgUnit.objects.select_related("unit_type", "block", "merged_into"), scope.unit_q(), pk=pk
    )
    children = OrgUnit.objects.get_children(unit).select_related("unit_type")
    plans = unit.plans.exclude(status="placeholder").order_by("-issued_on")
    return render(
        request, "org/unit_detail.html", {"unit": unit, "children": children, "plans": plans}
    )
