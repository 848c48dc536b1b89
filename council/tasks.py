"""The Biên bản of a council session as PDF, through the award trail's document job."""

from django.utils.translation import gettext as _

from awards.tasks import AwardDocument, award_document, award_document_pdf_start
from council.documents import minutes_docx
from council.selectors import session_in_scope


def minutes_filename(session) -> str:
    return f"bien-ban-hoi-dong-{session.pk}.docx"


def minutes_pdf_start(*, user, session):
    return award_document_pdf_start(
        user=user,
        document="minutes",
        pk=session.pk,
        title=_("Biên bản họp Hội đồng: %(s)s (PDF)") % {"s": session},
        unit=session.unit,
    )


@award_document("minutes")
def minutes_document(scope, pk: int) -> AwardDocument:
    session, _access = session_in_scope(scope=scope, pk=pk)
    return AwardDocument(minutes_docx(session), minutes_filename(session), str(session))
