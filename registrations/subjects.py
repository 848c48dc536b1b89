"""Registrations of enterprises, cooperatives, individuals and households in a round
(SubjectRegistration): who may record and decide them, the writes, and the reads of the round
page.

- An enterprise's participation plan is recorded by the coordinator of the unit where it
  operates (enterprises have no accounts; their plan arrives on paper), who also approves it.
- A household's commitments are recorded and approved by the coordinator of its commune.
- An individual registers the titles they aim for themselves (their Person has their account),
  or the reporter, head or coordinator of their unit records it; the head or the coordinator of
  the unit approves or returns it.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from org.models import Enterprise, Household, Person, Role
from org.scope import MANAGE_ROLES, UserScope, get_in_scope_or_404
from registrations.models import RegistrationRound, SubjectRegistration
from registrations.titles import individual_titles

RECORD_PERSON_ROLES = (Role.REPORTER, Role.HEAD, Role.COORDINATOR)
DECIDE_PERSON_ROLES = (Role.HEAD, Role.COORDINATOR)


def may_record(scope: UserScope, user, *, enterprise=None, person=None, household=None) -> bool:
    if enterprise is not None:
        return scope.covers(enterprise.unit, MANAGE_ROLES)
    if household is not None:
        return scope.covers(household.unit, MANAGE_ROLES)
    return (user is not None and person.user_id == user.pk) or scope.covers(
        person.unit, RECORD_PERSON_ROLES
    )


def may_decide(scope: UserScope, registration: SubjectRegistration) -> bool:
    if registration.person_id is None:
        return scope.covers(registration.subject_unit, MANAGE_ROLES)
    return scope.covers(registration.person.unit, DECIDE_PERSON_ROLES)


def _in_round(round_: RegistrationRound, unit) -> bool:
    issuer = round_.plan.issuer
    return issuer is not None and unit.path.startswith(issuer.path)


def _clean_titles(codes: list[str]) -> list[dict]:
    catalogue = dict(individual_titles())
    chosen = [c for c in dict.fromkeys(codes) if c]
    if not chosen:
        raise ValidationError({"titles": _("Chọn ít nhất một danh hiệu đăng ký.")})
    unknown = [c for c in chosen if c not in catalogue]
    if unknown:
        raise ValidationError({"titles": _("Danh hiệu không có trong danh mục khen thưởng.")})
    return [{"code": c, "name": catalogue[c]} for c in chosen]


@transaction.atomic
def subject_register(
    *,
    scope: UserScope,
    user,
    round_: RegistrationRound,
    enterprise: Enterprise | None = None,
    person: Person | None = None,
    household: Household | None = None,
    participation_plan: str = "",
    commitments: str = "",
    titles: list[str] | None = None,
) -> SubjectRegistration:
    """Record (or send again after a return) the registration of an enterprise, a person or a
    household."""
    given = [s for s in (enterprise, person, household) if s is not None]
    if len(given) != 1:
        raise ValidationError(_("Chọn một doanh nghiệp, hợp tác xã, một cá nhân hoặc một hộ."))
    if not may_record(scope, user, enterprise=enterprise, person=person, household=household):
        raise PermissionDenied
    subject_unit = given[0].unit
    if not _in_round(round_, subject_unit):
        raise ValidationError(_("Đối tượng không thuộc phạm vi của kế hoạch này."))
    errors = {}
    plan_text, commitments = (participation_plan or "").strip(), (commitments or "").strip()
    if enterprise is not None and not plan_text:
        errors["participation_plan"] = _("Ghi kế hoạch tham gia phong trào của doanh nghiệp.")
    if not commitments:
        errors["commitments"] = _("Ghi nội dung cam kết.")
    chosen = []
    if person is not None:
        try:
            chosen = _clean_titles(titles or [])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    lookup = {
        name: value
        for name, value in (
            ("enterprise", enterprise),
            ("person", person),
            ("household", household),
        )
        if value is not None
    }
    registration = (
        SubjectRegistration.objects.select_for_update().filter(round=round_, **lookup).first()
    )
    if registration is not None and registration.status == SubjectRegistration.Status.APPROVED:
        raise ValidationError(_("Bản đăng ký đã được duyệt, không sửa được."))
    registration = registration or SubjectRegistration(round=round_, **lookup)
    registration.participation_plan = plan_text
    registration.commitments = commitments
    registration.titles = chosen
    registration.status = SubjectRegistration.Status.SUBMITTED
    registration.return_reason = ""
    registration.created_by = user
    registration.created_at = timezone.now()
    registration.save()
    return registration


@transaction.atomic
def subject_decide(
    *, scope: UserScope, user, registration: SubjectRegistration, approve: bool, reason: str = ""
) -> SubjectRegistration:
    if not may_decide(scope, registration):
        raise PermissionDenied
    registration = SubjectRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != SubjectRegistration.Status.SUBMITTED:
        raise ValidationError(_("Bản đăng ký không ở trạng thái chờ duyệt."))
    registration.decided_by = user
    if approve:
        registration.status = SubjectRegistration.Status.APPROVED
        registration.approved_at = timezone.now()
    else:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": _("Ghi lý do trả lại.")})
        registration.status = SubjectRegistration.Status.RETURNED
        registration.return_reason = reason
    registration.save()
    return registration


# Reads --------------------------------------------------------------------------------------


def subject_visible_q(scope: UserScope) -> Q:
    """Registrations of enterprises and people of the user's subtree, and the user's own."""
    if scope.is_superuser:
        return Q()
    q = (
        scope.unit_q("enterprise__unit")
        | scope.unit_q("person__unit")
        | scope.unit_q("household__unit")
    )
    if scope.user_id is not None:
        q |= Q(person__user_id=scope.user_id)
    return q


def subject_registration_in_scope(*, scope: UserScope, pk: int) -> SubjectRegistration:
    queryset = SubjectRegistration.objects.select_related(
        "enterprise__unit", "person__unit", "household__unit", "round__plan__issuer"
    )
    return get_in_scope_or_404(queryset, subject_visible_q(scope), pk=pk)


@dataclass
class SubjectRow:
    registration: SubjectRegistration
    late: bool
    can_decide: bool


def round_subjects(
    *, scope: UserScope, round_: RegistrationRound, today: datetime.date | None = None
) -> tuple[list[SubjectRow], list[SubjectRow], list[SubjectRow]]:
    """(enterprises, individuals, households) registered in the round that the user may see,
    each with whether it was not approved by the deadline and whether the user may decide it."""
    today = today or timezone.localdate()
    rows = (
        SubjectRegistration.objects.filter(round=round_)
        .filter(subject_visible_q(scope))
        .select_related("enterprise__unit", "person__unit", "household__unit")
        .order_by("enterprise__name", "person__unit__path", "person__full_name", "pk")
    )
    enterprises, people, households = [], [], []
    for registration in rows:
        row = SubjectRow(
            registration,
            late=round_.is_late(registration, today),
            can_decide=registration.status == SubjectRegistration.Status.SUBMITTED
            and may_decide(scope, registration),
        )
        if registration.enterprise_id:
            enterprises.append(row)
        elif registration.person_id:
            people.append(row)
        else:
            households.append(row)
    return enterprises, people, households


def enterprises_to_register(*, scope: UserScope, round_: RegistrationRound):
    issuer = round_.plan.issuer
    return (
        Enterprise.objects.filter(scope.unit_q("unit", roles=MANAGE_ROLES))
        .filter(unit__path__startswith=issuer.path if issuer else "-")
        .select_related("unit")
        .order_by("name")
    )


def households_to_register(*, scope: UserScope, round_: RegistrationRound):
    issuer = round_.plan.issuer
    return (
        Household.objects.filter(scope.unit_q("unit", roles=MANAGE_ROLES))
        .filter(unit__path__startswith=issuer.path if issuer else "-")
        .select_related("unit")
        .order_by("unit__path", "head_name")
    )


def people_to_register(*, scope: UserScope, user, round_: RegistrationRound):
    issuer = round_.plan.issuer
    q = scope.unit_q("unit", roles=RECORD_PERSON_ROLES)
    if user is not None:
        q |= Q(user_id=user.pk)
    return (
        Person.objects.filter(q)
        .filter(unit__path__startswith=issuer.path if issuer else "-")
        .select_related("unit")
        .order_by("unit__path", "full_name")
    )
