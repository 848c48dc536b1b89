"""The Quyết định as PDF, through the award trail's document job (awards.tasks)."""

from django.http import Http404
from django.utils.translation import gettext as _

from awards.tasks import AwardDocument, award_document, award_document_pdf_start
from decisions.documents import decision_docx, decision_filename
from decisions.selectors import decision_in_scope


def decision_pdf_start(*, user, decision):
    return award_document_pdf_start(
        user=user,
        document="decision",
        pk=decision.pk,
        title=_("Quyết định số %(n)s (PDF)") % {"n": decision.number},
        unit=decision.unit,
    )


@award_document("decision")
def decision_document(scope, pk: int) -> AwardDocument:
    decision = decision_in_scope(scope=scope, pk=pk)
    if decision.kind != decision.Kind.DECISION:
        raise Http404
    return AwardDocument(decision_docx(decision), decision_filename(decision), str(decision))
