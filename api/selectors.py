from django.db.models import Q, QuerySet

from api.models import ApiToken, TokenKind
from org.scope import UserScope, get_in_scope_or_404


def tokens_visible_q(scope: UserScope, user) -> Q:
    """A person's own tokens, and the system tokens of the units they coordinate."""
    return Q(kind=TokenKind.PERSONAL, user=user) | (
        Q(kind=TokenKind.SYSTEM) & scope.unit_q("unit", roles={"coordinator"})
    )


def token_list(*, scope: UserScope, user) -> QuerySet[ApiToken]:
    return (
        ApiToken.objects.filter(tokens_visible_q(scope, user))
        .select_related("unit", "created_by", "revoked_by")
        .order_by("revoked_at", "-created_at")
    )


def token_in_scope(*, scope: UserScope, user, pk: int) -> ApiToken:
    return get_in_scope_or_404(ApiToken.objects.all(), tokens_visible_q(scope, user), pk=pk)
