"""Which jobs a person sees: their own, and those whose inputs (the job's unit) they may read
as a coordinator of its subtree. Any other id is a 404."""

from django.db.models import Q, QuerySet

from jobs.models import Job
from org.scope import MANAGE_ROLES, get_in_scope_or_404, user_scope


def job_visible_q(user) -> Q:
    scope = user_scope(user)
    if scope.is_superuser:
        return Q()
    return Q(started_by=user) | (Q(unit__isnull=False) & scope.unit_q("unit", roles=MANAGE_ROLES))


def jobs_of_user(*, user, limit: int = 50) -> QuerySet[Job]:
    """The list "Việc chạy nền": the person's own jobs, newest first."""
    return (
        Job.objects.filter(started_by=user).select_related("unit").order_by("-created_at")[:limit]
    )


def job_for_user(*, user, pk) -> Job:
    return get_in_scope_or_404(
        Job.objects.select_related("unit", "started_by"), job_visible_q(user), pk=pk
    )
