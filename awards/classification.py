"""Xếp loại cuối năm from a frozen ranking (seed 001 Nhóm 1 NV2: results are "cơ sở đánh giá,
xếp loại mức độ hoàn thành nhiệm vụ"; seed 004 §V.1a: the head answers for the unit's results,
"gắn kết quả thực hiện với ... xếp loại cuối năm").

A unit's level comes from its frozen total as a share of the scheme's maximum points, against
the province's thresholds (ClassificationPolicy); late, missing or wrong reports beyond the
province's allowance (the eligibility rule `rule_reports`) cap it; a pending discipline,
inspection or complaint (`rule_pending_matters`) leaves it provisional until settled. The head of
the unit gets the unit's level, provisional if a matter of their own is pending. No rule reads
the database: the facts come from awards.selectors.classification_rows.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from awards.eligibility import Finding
from awards.models import ClassificationLevel, ClassificationPolicy
from core.formats import number_vi

ORDER = [
    ClassificationLevel.EXCELLENT,
    ClassificationLevel.GOOD,
    ClassificationLevel.DONE,
    ClassificationLevel.NOT_DONE,
]


@dataclass
class Classification:
    level: str
    reasons: list[str] = field(default_factory=list)
    provisional: bool = False

    @property
    def label(self) -> str:
        return str(ClassificationLevel(self.level).label)

    @property
    def text(self) -> str:
        """The level as the export writes it: provisional ones say so."""
        if self.provisional:
            return _("%(level)s (tạm xếp, chờ giải quyết)") % {"level": self.label}
        return self.label


def share(total: Decimal, max_points: Decimal) -> Decimal:
    if not max_points:
        return Decimal(0)
    return (total * 100 / max_points).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def band(percent: Decimal, policy: ClassificationPolicy) -> str:
    if percent >= policy.excellent_min_percent:
        return ClassificationLevel.EXCELLENT
    if percent >= policy.good_min_percent:
        return ClassificationLevel.GOOD
    if percent >= policy.done_min_percent:
        return ClassificationLevel.DONE
    return ClassificationLevel.NOT_DONE


def _band_reason(level: str, total, max_points, percent, policy) -> str:
    bounds = {
        ClassificationLevel.EXCELLENT: (policy.excellent_min_percent, None),
        ClassificationLevel.GOOD: (policy.good_min_percent, policy.excellent_min_percent),
        ClassificationLevel.DONE: (policy.done_min_percent, policy.good_min_percent),
        ClassificationLevel.NOT_DONE: (None, policy.done_min_percent),
    }[level]
    low, high = bounds
    if high is None:
        where = _("từ %(low)s %%") % {"low": number_vi(low, 1)}
    elif low is None:
        where = _("dưới %(high)s %%") % {"high": number_vi(high, 1)}
    else:
        where = _("từ %(low)s %% đến dưới %(high)s %%") % {
            "low": number_vi(low, 1),
            "high": number_vi(high, 1),
        }
    return _("Tổng điểm %(total)s/%(max)s (%(p)s %%), %(where)s: %(level)s") % {
        "total": number_vi(total, 2),
        "max": number_vi(max_points, 2),
        "p": number_vi(percent, 1),
        "where": where,
        "level": ClassificationLevel(level).label,
    }


def classify_unit(
    *,
    total: Decimal,
    max_points: Decimal,
    policy: ClassificationPolicy,
    report_faults: list[Finding],
    matters: list[Finding],
) -> Classification:
    """The unit's level and every reason behind it."""
    percent = share(total, max_points)
    level = band(percent, policy)
    reasons = [_band_reason(level, total, max_points, percent, policy)]
    cap = policy.reports_fault_cap
    faults = [f.text for f in report_faults if not f.holds]
    if faults and ORDER.index(level) < ORDER.index(cap):
        level = cap
        reasons.append(
            _("Hạ xuống %(level)s vì %(faults)s")
            % {"level": ClassificationLevel(cap).label, "faults": "; ".join(faults)}
        )
    elif faults:
        reasons.append("; ".join(faults))
    held = [f.text for f in matters if f.holds]
    if held:
        reasons.append(_("Chờ giải quyết xong: %(what)s") % {"what": "; ".join(held)})
    return Classification(level, reasons, provisional=bool(held))


def classify_head(*, unit: Classification, unit_name: str, matters: list[Finding]):
    """Seed 004 §V.1a: the head answers for the unit's results, so gets the unit's level."""
    text = _("Theo kết quả xếp loại của %(unit)s: %(level)s")
    reasons = [text % {"unit": unit_name, "level": unit.label}]
    held = [f.text for f in matters if f.holds]
    if held:
        reasons.append(_("Chờ giải quyết xong: %(what)s") % {"what": "; ".join(held)})
    return Classification(unit.level, reasons, provisional=unit.provisional or bool(held))
