"""Eligibility from the data (issue #14 item 7): may a subject be proposed for an award form?

Each rule is a small function of the facts gathered once per subject (awards/selectors.py) and
the province's thresholds (EligibilityPolicy); it returns its findings in Vietnamese. A verdict
puts them together: not applicable (the form is not given to this kind of subject), already
awarded, not eligible (a rule fails), on hold (a matter is pending: ND 152 art. 4, not proposed
until settled) or eligible as far as the data shows. No rule reads the database.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.models import AwardForm, AwardRecord, EligibilityPolicy, PendingMatter
from awards.reports import ReportingRecord
from core.formats import number_vi

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
ON_HOLD = "on_hold"
AWARDED = "awarded"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Finding:
    text: str
    holds: bool = False  # True: the subject waits (a pending matter), False: it fails


@dataclass
class MemberFacts:
    """The people of a collective in the year: how many, how many Lao động tiên tiến and
    Chiến sĩ thi đua cơ sở (merit awards only), who was disciplined at cảnh cáo or above."""

    count: int = 0
    advanced: int = 0
    fighters: int = 0
    warned: list[str] = field(default_factory=list)


@dataclass
class SubjectFacts:
    subject_type: str
    year: int
    today: datetime.date
    # The reports of the unit, or of the unit a person heads; None when no report concerns it.
    reporting: ReportingRecord | None = None
    # Whose reports they are, when they are another's (a person heading a unit).
    reporting_unit_name: str = ""
    matters: list[PendingMatter] = field(default_factory=list)
    records: list[AwardRecord] = field(default_factory=list)
    members: MemberFacts | None = None
    in_block: bool = False
    # form id -> names of the other units of the block holding that form for the year
    block_holders: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class Verdict:
    form: AwardForm
    status: str
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        joined = "; ".join(self.reasons)
        if self.status == NOT_ELIGIBLE:
            return _("Không đủ điều kiện: %(reasons)s") % {"reasons": joined}
        if self.status == ON_HOLD:
            return _("Chưa đề nghị, chờ giải quyết xong: %(reasons)s") % {"reasons": joined}
        if self.status == AWARDED:
            return joined
        if self.status == NOT_APPLICABLE:
            return _("Không áp dụng cho đối tượng này")
        return _("Đủ điều kiện theo dữ liệu")


def _labels(labels: list[str]) -> str:
    return ", ".join(labels)


def merit_records(records: list[AwardRecord]) -> tuple[list[AwardRecord], list[AwardRecord]]:
    """(counted, ignored): ND 152 art. 4, an award of a kind that is no basis for a later
    công trạng proposal (đột xuất, theo đợt/chuyên đề) is left out of every chain and share."""
    counted = [r for r in records if r.kind.counts_toward_merit]
    ignored = [r for r in records if not r.kind.counts_toward_merit]
    return counted, ignored


def rule_reports(facts: SubjectFacts, policy: EligibilityPolicy) -> list[Finding]:
    """Seed 001 Nhóm 1 NV2, seeds 002 and 004: late, missing or wrong (returned) reports in the
    year mean the subject is not considered, beyond the province's allowance."""
    record = facts.reporting
    if record is None:
        return []
    findings = []
    parts = []
    if record.late:
        parts.append(
            ngettext(
                "%(n)s báo cáo nộp trễ (%(labels)s)",
                "%(n)s báo cáo nộp trễ (%(labels)s)",
                len(record.late),
            )
            % {"n": len(record.late), "labels": _labels(record.late)}
        )
    if record.missing:
        parts.append(
            _("%(n)s báo cáo chưa nộp (%(labels)s)")
            % {"n": len(record.missing), "labels": _labels(record.missing)}
        )
    if parts and len(record.late) + len(record.missing) > policy.max_late_reports:
        findings.append(Finding(_with_owner(", ".join(parts), facts)))
    if record.returned and len(record.returned) > policy.max_returned_reports:
        text = _("%(n)s báo cáo bị trả lại vì sai, thiếu (%(labels)s)") % {
            "n": len(record.returned),
            "labels": _labels(record.returned),
        }
        findings.append(Finding(_with_owner(text, facts)))
    return findings


def _with_owner(text: str, facts: SubjectFacts) -> str:
    if facts.reporting_unit_name:
        return _("%(unit)s do cá nhân đứng đầu có %(what)s") % {
            "unit": facts.reporting_unit_name,
            "what": text,
        }
    return text


def rule_pending_matters(facts: SubjectFacts) -> list[Finding]:
    """ND 152 art. 4: under discipline, inspection or complaint → not proposed until settled."""
    return [
        Finding(
            _("đang %(kind)s từ %(day)s (%(what)s)")
            % {
                "kind": matter.get_kind_display().lower(),
                "day": f"{matter.opened_on:%d/%m/%Y}",
                "what": matter.description,
            },
            holds=True,
        )
        for matter in facts.matters
        if matter.is_open_on(facts.today)
    ]


def rule_title_chain(form: AwardForm, facts: SubjectFacts) -> list[Finding]:
    """LAW.md: Chiến sĩ thi đua cơ sở needs Lao động tiên tiến (the same year); cấp tỉnh needs
    Chiến sĩ thi đua cơ sở the 3 consecutive years ending with the year considered."""
    required = form.requires_form
    if required is None:
        return []
    counted, _ignored = merit_records(facts.records)
    held = {r.year for r in counted if r.form_id == required.pk}
    years = range(facts.year - form.requires_consecutive_years + 1, facts.year + 1)
    missing = [str(y) for y in years if y not in held]
    if not missing:
        return []
    if form.requires_consecutive_years == 1:
        text = _("chưa đạt %(title)s năm %(year)s") % {"title": required.name, "year": facts.year}
    else:
        text = _("chưa đủ %(n)s năm liên tục đạt %(title)s (thiếu năm %(years)s)") % {
            "n": form.requires_consecutive_years,
            "title": required.name,
            "years": ", ".join(missing),
        }
    return [Finding(text)]


def _percent(part: int, whole: int) -> Decimal:
    return Decimal(part) * 100 / Decimal(whole) if whole else Decimal(0)


def rule_members_advanced(
    form: AwardForm, facts: SubjectFacts, policy: EligibilityPolicy
) -> list[Finding]:
    """LAW.md: Tập thể lao động tiên tiến and xuất sắc need ≥ 70 % of members Lao động tiên
    tiến (the province's threshold)."""
    if not form.members_rule or facts.members is None:
        return []
    minimum = (
        policy.excellent_collective_min_percent
        if form.members_rule == AwardForm.MembersRule.EXCELLENT
        else policy.advanced_collective_min_percent
    )
    members = facts.members
    if members.count == 0:
        return [Finding(_("chưa có danh sách cá nhân của tập thể"))]
    share = _percent(members.advanced, members.count)
    if share >= minimum:
        return []
    return [
        Finding(
            _("%(n)s/%(total)s cá nhân đạt Lao động tiên tiến (%(share)s %%), cần từ %(min)s %%")
            % {
                "n": members.advanced,
                "total": members.count,
                "share": number_vi(share, 1),
                "min": number_vi(minimum, 1),
            }
        )
    ]


def rule_members_fighter(form: AwardForm, facts: SubjectFacts) -> list[Finding]:
    """LAW.md: Tập thể lao động xuất sắc has at least one Chiến sĩ thi đua cơ sở."""
    if not form.members_need_emulation_fighter or facts.members is None:
        return []
    if facts.members.fighters > 0:
        return []
    return [Finding(_("không có cá nhân đạt Chiến sĩ thi đua cơ sở năm %(y)s") % {"y": facts.year})]


def rule_members_discipline(form: AwardForm, facts: SubjectFacts) -> list[Finding]:
    """LAW.md: Tập thể lao động tiên tiến has nobody disciplined at cảnh cáo or above."""
    if not form.members_no_warning_or_above or facts.members is None:
        return []
    if not facts.members.warned:
        return []
    return [
        Finding(
            _("có cá nhân bị kỷ luật từ cảnh cáo trở lên (%(names)s)")
            % {"names": ", ".join(facts.members.warned)}
        )
    ]


def rule_one_per_block(
    form: AwardForm, facts: SubjectFacts, policy: EligibilityPolicy
) -> list[Finding]:
    """LAW.md: Cờ thi đua của UBND tỉnh goes to the unit leading its block: one per block a year."""
    if not form.one_per_block_per_year or not policy.one_flag_per_block:
        return []
    if not facts.in_block:
        return [Finding(_("đơn vị chưa thuộc khối thi đua nào"))]
    holders = facts.block_holders.get(form.pk, [])
    if not holders:
        return []
    return [
        Finding(
            _("khối thi đua đã có %(names)s nhận %(form)s năm %(y)s")
            % {"names": ", ".join(holders), "form": form.name, "y": facts.year}
        )
    ]


def already_awarded(form: AwardForm, facts: SubjectFacts) -> AwardRecord | None:
    return next((r for r in facts.records if r.form_id == form.pk and r.year == facts.year), None)


def verdict(form: AwardForm, facts: SubjectFacts, policy: EligibilityPolicy) -> Verdict:
    """The verdict of one subject on one form, with every reason that applies."""
    if not form.accepts(facts.subject_type):
        return Verdict(form, NOT_APPLICABLE)
    held = already_awarded(form, facts)
    if held is not None:
        return Verdict(
            form,
            AWARDED,
            [
                _("Đã được tặng năm %(y)s (Quyết định số %(n)s ngày %(d)s)")
                % {"y": held.year, "n": held.decision_number, "d": f"{held.decision_date:%d/%m/%Y}"}
            ],
        )
    findings = [
        *rule_reports(facts, policy),
        *rule_title_chain(form, facts),
        *rule_members_advanced(form, facts, policy),
        *rule_members_fighter(form, facts),
        *rule_members_discipline(form, facts),
        *rule_one_per_block(form, facts, policy),
        *rule_pending_matters(facts),
    ]
    notes = []
    if form.requires_form_id:
        _counted, ignored = merit_records(facts.records)
        notes = [
            _("Không tính %(form)s năm %(y)s (%(kind)s) vào chuỗi danh hiệu")
            % {"form": r.form.name, "y": r.year, "kind": r.kind.name.lower()}
            for r in ignored
            if r.form_id == form.requires_form_id
        ]
    failing = [f.text for f in findings if not f.holds]
    holding = [f.text for f in findings if f.holds]
    if failing:
        # A pending matter is still named: settling it will not be enough.
        return Verdict(form, NOT_ELIGIBLE, failing + holding, notes)
    if holding:
        return Verdict(form, ON_HOLD, holding, notes)
    return Verdict(form, ELIGIBLE, [], notes)
