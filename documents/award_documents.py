"""One render function per document of an award's paper trail: context in, .docx bytes out.

The contexts are the typed dictionaries of documents/contexts.py; the code that gathers the data
(awards, and the nominations and council apps) builds them, these functions only pick the
template (the office's copy when it has one, render.find_template) and render it.
"""

from __future__ import annotations

from documents.contexts import (
    AchievementReportContext,
    CertificateContext,
    DecisionContext,
    MinutesContext,
    ProposalContext,
)
from documents.render import TemplateSource, render_docx

PROPOSAL_TEMPLATE = "to_trinh_khen_thuong.docx"
ACHIEVEMENT_REPORT_TEMPLATE = "bao_cao_thanh_tich.docx"
MINUTES_TEMPLATE = "bien_ban_hoi_dong.docx"
DECISION_TEMPLATE = "quyet_dinh_khen_thuong.docx"
CERTIFICATE_TEMPLATE = "giay_khen.docx"


def render_proposal(context: ProposalContext) -> bytes:
    """Tờ trình đề nghị khen thưởng (Mẫu 01, ND 152/2025) with the list of proposed subjects."""
    return render_docx(PROPOSAL_TEMPLATE, context)


def render_achievement_report(context: AchievementReportContext) -> bytes:
    """Báo cáo thành tích (Mẫu 08) of a collective or a person."""
    return render_docx(ACHIEVEMENT_REPORT_TEMPLATE, context)


def render_minutes(context: MinutesContext) -> bytes:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng with the tally of each nomination."""
    return render_docx(MINUTES_TEMPLATE, context)


def render_decision(context: DecisionContext) -> bytes:
    """Quyết định khen thưởng and its list of awardees with the prize money."""
    return render_docx(DECISION_TEMPLATE, context)


def render_certificate(
    context: CertificateContext, *, source: TemplateSource | None = None
) -> bytes:
    """One Giấy khen or Bằng khen; a batch passes the template it loaded once as `source`."""
    return render_docx(CERTIFICATE_TEMPLATE, context, source=source)
