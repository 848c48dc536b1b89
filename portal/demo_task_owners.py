"""Demo: "06 rõ" asks for rõ người and rõ thẩm quyền (seed 001 §I, seed 004 §I.2), but the seeds
name only lead units. For each task whose first lead unit has an officer on file, the demo names
that officer as the person in charge and the head of the issuing body as the authority that
decides on its product: an illustrative choice, so that the task board and its exports show both
columns filled where a unit would fill them."""

from django.db import transaction
from django.utils.translation import gettext

from org.scope import UserScope
from plans import services
from plans.models import Task


@transaction.atomic
def load_task_owners() -> int:
    """Name a person and an authority on the tasks that have neither; the number named."""
    superuser = UserScope(user_id=None, is_superuser=True)
    named = 0
    tasks = (
        Task.objects.filter(person_in_charge__isnull=True, deciding_authority="")
        .select_related("plan__issuer")
        .prefetch_related("lead_units__people")
        .order_by("plan_id", "order", "pk")
    )
    for task in tasks:
        leads = list(task.lead_units.all())
        people = sorted(leads[0].people.all(), key=lambda p: p.pk) if leads else []
        if not people:
            continue
        authority = gettext("Thủ trưởng %(issuer)s") % {"issuer": task.plan.issuer.name}
        services.task_update(
            scope=superuser,
            task=task,
            data={"person_in_charge": people[0], "deciding_authority": authority},
            expected_version=task.version,
            lead_units=leads,
        )
        named += 1
    return named
