"""Giấy khen / Bằng khen of the award registry: one per AwardRecord, and batches of hundreds (a
province's round) run as a background job.

A batch renders every certificate (fast: docxtpl), then has LibreOffice convert them in chunks
of CONVERT_CHUNK files per run — its start-up, about two seconds, is paid once a chunk instead of
once a file — and ends with one merged PDF to print, or a zip of one PDF (or Word file) per
awardee. The job's page shows "Đang tạo 120/500" while it runs.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from awards.models import AwardForm, AwardRecord, SubjectType
from core.text import fold
from documents.award_documents import CERTIFICATE_TEMPLATE, render_certificate
from documents.contexts import CertificateContext
from documents.layout import place_date
from documents.pdf import docx_batch_to_pdf, merge_pdfs
from documents.render import load_template
from org.models import OrgUnit, Person

# Files per LibreOffice run: big enough to spread its start-up, small enough that the progress
# bar moves every few seconds and a failure loses little.
CONVERT_CHUNK = 50
# A batch larger than this is refused: split it by decision or by form.
BATCH_LIMIT = 2000

PLACE_PREFIXES = ("UBND tỉnh ", "UBND thành phố ", "UBND xã ", "UBND phường ", "UBND đặc khu ")
UNIT_PREFIXES = {"UBND ": "Ủy ban nhân dân "}


class Format:
    MERGED_PDF = "pdf"  # one PDF, a page per certificate, to print
    PDF_ZIP = "pdf-zip"  # a zip, a PDF per awardee
    DOCX_ZIP = "docx-zip"  # a zip, a Word file per awardee (an office retouches them)
    CHOICES = (MERGED_PDF, PDF_ZIP, DOCX_ZIP)


def _issuing_unit(record: AwardRecord, units_by_path: dict[str, OrgUnit]) -> OrgUnit:
    """The unit whose head signs: the province for a provincial form, the commune for a
    commune's, the subject's own unit (a person) or its parent (a collective) otherwise."""
    owner = record.owner_unit
    ancestors = [units_by_path[p] for p in owner.ancestor_paths() if p in units_by_path]
    if record.form.level in (AwardForm.Level.PROVINCE, AwardForm.Level.CENTRAL):
        return ancestors[0] if ancestors else owner
    if record.form.level == AwardForm.Level.COMMUNE:
        for unit in [owner, *reversed(ancestors)]:
            if unit.unit_type.code == "xa":
                return unit
    if record.subject_unit_id and ancestors:
        return ancestors[-1]
    return owner


def unit_full_name(unit: OrgUnit) -> str:
    for short, full in UNIT_PREFIXES.items():
        if unit.name.startswith(short):
            return full + unit.name[len(short) :]
    return unit.name


def place_of(unit: OrgUnit, units_by_path: dict[str, OrgUnit]) -> str:
    for candidate in [unit, *(units_by_path.get(p) for p in reversed(unit.ancestor_paths()))]:
        if candidate is None:
            continue
        for prefix in PLACE_PREFIXES:
            if candidate.name.startswith(prefix):
                return candidate.name[len(prefix) :]
    return "……"


def _decider(record: AwardRecord, issuer: OrgUnit) -> str:
    """ "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"; "Thủ trưởng Sở Nội vụ tỉnh Lào Cai"."""
    if issuer.unit_type.code in ("tinh", "xa"):
        return f"Chủ tịch {unit_full_name(issuer)}"
    return f"Thủ trưởng {issuer.name}"


def _signature(signer: str) -> dict:
    """The registry keeps the signer as written ("KT. Chủ tịch — Phó Chủ tịch UBND tỉnh")."""
    authority, _sep, position = signer.rpartition(" — ")
    return {"authority": authority, "position": position or signer, "name": ""}


def _subject_label(record: AwardRecord) -> str:
    if record.subject_type == SubjectType.COLLECTIVE:
        return "tập thể"
    gender = record.person.gender if record.person_id else ""
    return {Person.Gender.FEMALE: "bà", Person.Gender.MALE: "ông"}.get(gender, "ông (bà)")


def _reason(record: AwardRecord) -> str:
    achievement = (record.achievement or "").strip().rstrip(".")
    if achievement:
        return achievement[0].upper() + achievement[1:]
    return f"Đã có thành tích xuất sắc năm {record.year}"


def _title(record: AwardRecord) -> str:
    """ "Bằng khen", "Giấy khen", "Cờ thi đua", or the title itself (Chiến sĩ thi đua cơ sở)."""
    if record.form.category == AwardForm.Category.TITLE:
        return record.form.name
    return record.form.get_category_display()


def units_above(records: Iterable[AwardRecord]) -> dict[str, OrgUnit]:
    """The ancestors of every record's unit, in one query (a batch of 500 reads them once)."""
    paths = {p for r in records for p in r.owner_unit.ancestor_paths()}
    return {u.path: u for u in OrgUnit.objects.filter(path__in=paths).select_related("unit_type")}


def certificate_context(
    record: AwardRecord, units_by_path: dict[str, OrgUnit] | None = None
) -> CertificateContext:
    """What the certificate of `record` says, from the registry alone."""
    if units_by_path is None:
        units_by_path = units_above([record])
    issuer = _issuing_unit(record, units_by_path)
    subject_unit = ""
    if record.person_id:
        person = record.person
        subject_unit = ", ".join(p for p in (person.position, record.owner_unit.name) if p)
    return {
        "decider": _decider(record, issuer),
        "title": _title(record),
        "subject_label": _subject_label(record),
        "subject_name": record.subject_name,
        "subject_unit": subject_unit,
        "reason": _reason(record),
        "decision_number": record.decision_number,
        "decision_date": record.decision_date.strftime("%d/%m/%Y"),
        "register_number": f"{record.year}/{record.pk}",
        "place_date": place_date(place_of(issuer, units_by_path), record.decision_date),
        "signature": _signature(record.signer),
    }


def certificate_filename(record: AwardRecord, extension: str) -> str:
    """ "giay-khen-2026-ubnd-xa-bac-ha-12345.pdf": ASCII, so every browser and zip tool agree."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(f"{_title(record)} {record.year} {record.subject_name}"))
    return f"{slug.strip('-')[:80]}-{record.pk}.{extension}"


def certificate_docx(record: AwardRecord) -> bytes:
    return render_certificate(certificate_context(record))


@dataclass
class BatchResult:
    content: bytes
    filename: str
    count: int


def certificates_batch(
    records: list[AwardRecord],
    *,
    output: str,
    name: str,
    progress: Callable[[str, int], None],
    chunk: int = CONVERT_CHUNK,
) -> BatchResult:
    """Every record's certificate as one merged PDF or a zip; `progress(step, percent)` is
    told "Đang tạo 120/500" while the certificates are made."""
    total = len(records)
    units_by_path = units_above(records)
    source = load_template(CERTIFICATE_TEMPLATE)
    documents = []
    for index, record in enumerate(records, start=1):
        context = certificate_context(record, units_by_path)
        documents.append(render_certificate(context, source=source))
        if index % 25 == 0 or index == total:
            step = _("Đang tạo %(n)s/%(total)s giấy khen (Word)") % {"n": index, "total": total}
            progress(step, 5 + 20 * index // total)
    if output == Format.DOCX_ZIP:
        names = [certificate_filename(r, "docx") for r in records]
        files = list(zip(names, documents, strict=True))
        return BatchResult(_zip(files), f"{name}.zip", total)
    pdfs: list[bytes] = []
    for start in range(0, total, chunk):
        pdfs += docx_batch_to_pdf(documents[start : start + chunk])
        done = len(pdfs)
        step = _("Đang tạo %(n)s/%(total)s (PDF)") % {"n": done, "total": total}
        progress(step, 25 + 70 * done // total)
    if output == Format.PDF_ZIP:
        files = [(certificate_filename(r, "pdf"), d) for r, d in zip(records, pdfs, strict=True)]
        return BatchResult(_zip(files), f"{name}.zip", total)
    progress(_("Đang ghép %(total)s trang thành một tệp PDF") % {"total": total}, 97)
    return BatchResult(merge_pdfs(pdfs), f"{name}.pdf", total)


def _zip(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    # PDFs and Word files are already compressed: storing them is as small and much faster.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for filename, data in files:
            archive.writestr(filename, data)
    return buffer.getvalue()
