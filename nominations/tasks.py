"""The round's Tờ trình (Mẫu 01) and a nomination's Báo cáo thành tích (Mẫu 08) as PDF, through
the award trail's document job (awards.tasks); and the daily close of rounds past their deadline
(Celery beat, thidua/settings.py CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.tasks import AwardDocument, award_document, award_document_pdf_start
from nominations.documents import proposal_docx, report_docx
from nominations.rounds import rounds_close_expired
from nominations.selectors import nomination_in_scope, round_in_scope


def proposal_filename(award_round) -> str:
    return f"to-trinh-mau-01-dot-{award_round.pk}.docx"


def report_filename(nomination) -> str:
    return f"bao-cao-thanh-tich-mau-08-de-nghi-{nomination.pk}.docx"


def proposal_pdf_start(*, user, award_round):
    return award_document_pdf_start(
        user=user,
        document="proposal",
        pk=award_round.pk,
        title=_("Tờ trình Mẫu 01: %(r)s (PDF)") % {"r": award_round.name},
        unit=award_round.unit,
    )


def report_pdf_start(*, user, nomination):
    return award_document_pdf_start(
        user=user,
        document="report",
        pk=nomination.pk,
        title=_("Báo cáo thành tích Mẫu 08: %(s)s (PDF)") % {"s": nomination.subject_name},
        unit=nomination.round.unit,
    )


@award_document("proposal")
def proposal_document(scope, pk: int) -> AwardDocument:
    award_round, access = round_in_scope(scope=scope, pk=pk)
    docx = proposal_docx(scope=access.scope, award_round=award_round)
    return AwardDocument(docx, proposal_filename(award_round), award_round.name)


@award_document("report")
def report_document(scope, pk: int) -> AwardDocument:
    nomination, access = nomination_in_scope(scope=scope, pk=pk)
    docx = report_docx(scope=access.scope, nomination=nomination)
    return AwardDocument(docx, report_filename(nomination), nomination.subject_name)


@shared_task(name="nominations.tasks.close_expired_rounds", acks_late=True)
def close_expired_rounds() -> int:
    """Daily, just after midnight: the rounds whose deadline was yesterday or before stop taking
    proposals (a rerun the same day finds none left)."""
    return len(rounds_close_expired(today=timezone.localdate()))
