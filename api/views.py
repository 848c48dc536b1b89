"""The person's API tokens page: create one (its secret shown once), revoke one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from api import selectors, tokens
from api.forms import TokenForm
from api.models import TokenKind
from org.models import Role
from org.scope import user_scope


def _managed_units(scope):
    if not scope.has_role(Role.COORDINATOR):
        return None
    return scope.units(roles={Role.COORDINATOR}).order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    scope = user_scope(request.user)
    form = TokenForm(request.POST or None, units=_managed_units(scope))
    issued = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["kind"] == TokenKind.SYSTEM:
                issued = tokens.token_create_system(
                    scope=scope,
                    user=request.user,
                    unit=data["unit"],
                    name=data["name"],
                    access=data["access"],
                )
            else:
                issued = tokens.token_create_personal(
                    user=request.user, name=data["name"], access=data["access"]
                )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form = TokenForm(units=_managed_units(scope))
    context = {
        "form": form,
        "issued": issued,
        "tokens": selectors.token_list(scope=scope, user=request.user),
    }
    # The secret is in this response only: never cached, never shown again.
    response = render(request, "api/token_list.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk):
    scope = user_scope(request.user)
    token = selectors.token_in_scope(scope=scope, user=request.user, pk=pk)
    tokens.token_revoke(scope=scope, user=request.user, token=token)
    messages.success(request, _("Đã thu hồi khóa “%(name)s”.") % {"name": token.name})
    return redirect("api_tokens:list")
