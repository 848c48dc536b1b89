"""The round's Tờ trình (Mẫu 01) and a nomination's Báo cáo thành tích (Mẫu 08) as Word, from
the dossier contexts of awards.dossier (the one place that writes those documents' figures)."""

from __future__ import annotations

from django.utils import timezone

from awards.certificates import unit_full_name
from awards.dossier import ProposedSubjectInput, achievement_report_context, proposal_context
from documents.award_documents import render_achievement_report, render_proposal
from documents.contexts import AchievementReportContext, ProposalContext
from nominations.models import AwardRound, Nomination
from nominations.selectors import nominations_q
from org.scope import UserScope

# The nominations a tờ trình proposes: checked by the office, or on the public list.
PROPOSED = (Nomination.Status.CHECKED, Nomination.Status.PUBLISHED)


def _unit_of(nomination: Nomination) -> str:
    if nomination.person_id:
        person = nomination.person
        return ", ".join(p for p in (person.position, person.unit.name) if p)
    return ""


def round_proposal_context(*, scope: UserScope, award_round: AwardRound) -> ProposalContext:
    """Mẫu 01 of the round's unit for its checked and published nominations the user sees."""
    nominations = (
        Nomination.objects.filter(round=award_round, status__in=PROPOSED)
        .filter(nominations_q(scope))
        .select_related("form", "person__unit")
        .order_by("form__order", "subject_name", "pk")
    )
    subjects = [
        ProposedSubjectInput(
            name=n.subject_name,
            subject_type=n.subject_type,
            form=n.form.name,
            achievement=n.achievements.strip().splitlines()[0] if n.achievements.strip() else "",
            unit=_unit_of(n),
        )
        for n in nominations
    ]
    unit = award_round.unit
    return proposal_context(
        issuer=unit,
        addressee=f"Chủ tịch {unit_full_name(unit)}",
        action=f"xét khen thưởng {award_round.name}",
        title=f"Về việc đề nghị khen thưởng {award_round.name}",
        subjects=subjects,
        day=None,
        bases=["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
        attachments=["Báo cáo thành tích của các tập thể, cá nhân"],
    )


def nomination_report_context(
    *, scope: UserScope, nomination: Nomination
) -> AchievementReportContext:
    """Mẫu 08 of the nomination's subject (a unit or a person) for the round's year, with the
    achievements the proposer wrote; a household or an enterprise reports under its unit."""
    subject = nomination.subject_unit or nomination.person or nomination.proposer
    context = achievement_report_context(
        scope=scope,
        subject=subject,
        year=nomination.round.year,
        form=nomination.form,
        today=timezone.localdate(),
        movement_label=nomination.round.name,
    )
    if not (nomination.subject_unit_id or nomination.person_id):
        context.update(
            subject_kind=nomination.get_subject_type_display().lower(),
            subject_name=nomination.subject_name,
            targets=[],
            targets_met=0,
            scores=[],
            ranking="",
            initiatives=[],
            awards=[],
        )
    context["achievements"] = nomination.achievements
    return context


def proposal_docx(*, scope: UserScope, award_round: AwardRound) -> bytes:
    return render_proposal(round_proposal_context(scope=scope, award_round=award_round))


def report_docx(*, scope: UserScope, nomination: Nomination) -> bytes:
    return render_achievement_report(nomination_report_context(scope=scope, nomination=nomination))
