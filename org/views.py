from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from org.forms import BlockDayForm, BlockMoveForm
from org.models import OrgUnit
from org.scope import MANAGE_ROLES, get_in_scope_or_404, user_scope
from org.selectors import (
    block_board,
    block_history,
    block_of,
    block_units_q,
    managed_block_owners,
    unit_list,
)
from org.services import block_membership_move


@login_required
def unit_tree(request):
    scope = user_scope(request.user)
    query = request.GET.get("q", "")
    units = unit_list(scope=scope, query=query)
    context = {
        "units": units[:2000],
        "q": query,
        "manages_blocks": bool(managed_block_owners(scope)),
        "manages_subjects": scope.has_role(*MANAGE_ROLES),
    }
    return render(request, "org/unit_tree.html", context)


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


# Emulation blocks: the province's coordinator sees who is in which block on a day, and moves
# a unit from a date with a reason (the history a ranking at a cutoff reads).


def _block_owners_or_404(request) -> list[OrgUnit]:
    owners = managed_block_owners(user_scope(request.user))
    if not owners:
        raise Http404
    return owners


@login_required
def block_list(request):
    owners = _block_owners_or_404(request)
    form = BlockDayForm(request.GET or None)
    day = timezone.localdate()
    if form.is_valid() and form.cleaned_data["ngay"]:
        day = form.cleaned_data["ngay"]
    boards = [block_board(owner=owner, day=day) for owner in owners]
    return render(request, "org/block_list.html", {"boards": boards, "form": form, "day": day})


@login_required
def unit_block(request, pk):
    scope = user_scope(request.user)
    owners = _block_owners_or_404(request)
    unit = get_in_scope_or_404(
        OrgUnit.objects.select_related("unit_type", "block"), block_units_q(owners), pk=pk
    )
    owner = next(o for o in owners if unit.path.startswith(o.path))
    form = BlockMoveForm(request.POST or None, unit=unit, owner=owner)
    if request.method == "POST" and form.is_valid():
        try:
            block_membership_move(scope=scope, user=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(
                request,
                _("Đã chuyển %(unit)s sang %(block)s.")
                % {"unit": unit.name, "block": form.cleaned_data["block"].name},
            )
            return redirect("org:unit_block", pk=unit.pk)
    today = timezone.localdate()
    context = {
        "unit": unit,
        "form": form,
        "history": block_history(unit),
        "current": block_of(unit, today),
        "today": today,
    }
    return render(request, "org/unit_block.html", context)
