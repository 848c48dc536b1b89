"""The registry's filters (block, unit, decision), a merged unit's awards under its successor,
the Excel export, a person's title chain, and the certificates: one record's Word file, its
PDF and a batch as background jobs."""

import datetime
import io
import subprocess
import unicodedata
import zipfile

import pytest
from django.urls import resolve, reverse
from docx import Document
from openpyxl import load_workbook

from awards.certificates import Format, certificate_context, certificates_batch
from awards.tests.factories import AwardRecordFactory, form, kind
from jobs.models import Job
from jobs.runner import job_run
from org.tests.factories import EmulationBlockFactory, OrgUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", out.stdout.decode()).split())


@pytest.fixture
def registry(world, catalogue):
    block = EmulationBlockFactory(province=world.province, name="Khối các xã miền núi")
    world.commune.block = block
    world.commune.save()
    old = OrgUnitFactory(
        parent=world.province,
        code="P1-HCU",
        name="UBND huyện Bắc Hà (cũ)",
        unit_type=world.department.unit_type,
        valid_to=datetime.date(2025, 6, 30),
        merged_into=world.commune,
    )
    head = PersonFactory(unit=world.commune, full_name="Hoàng Thị Lan", gender="F")
    records = {
        "commune": AwardRecordFactory(
            subject_unit=world.commune,
            form=form("bang-khen-chu-tich-tinh"),
            year=2025,
            decision_number="97/QĐ-UBND",
            achievement="Dẫn đầu khối các xã năm 2025",
        ),
        "old": AwardRecordFactory(
            subject_unit=old,
            form=form("co-thi-dua-ubnd-tinh"),
            year=2023,
            decision_number="152/QĐ-UBND",
        ),
        "department": AwardRecordFactory(
            subject_unit=world.department, form=form("bang-khen-chu-tich-tinh"), year=2025
        ),
        "other": AwardRecordFactory(
            subject_unit=world.other_department, form=form("bang-khen-chu-tich-tinh"), year=2025
        ),
    }
    for year in (2023, 2024, 2025):
        AwardRecordFactory(person=head, form=form("lao-dong-tien-tien"), year=year)
        AwardRecordFactory(person=head, form=form("chien-si-thi-dua-co-so"), year=year)
    return {"block": block, "old": old, "head": head, **records}


def _ids(client, **params):
    response = client.get(reverse("awards:registry"), params)
    assert response.status_code == 200
    return {r.pk for r in response.context["page"].object_list}


def test_registry_filters_by_block_unit_and_decision(client, registry, province_coordinator):
    r = registry
    client.force_login(province_coordinator)
    by_block = _ids(client, khoi=r["block"].pk)
    assert r["commune"].pk in by_block and r["department"].pk not in by_block
    by_unit = _ids(client, don_vi=r["commune"].subject_unit_id)
    assert {r["commune"].pk, r["old"].pk} <= by_unit
    assert r["department"].pk not in by_unit
    assert _ids(client, so_qd="152/QĐ-UBND") == {r["old"].pk}


def test_a_merged_units_awards_stay_under_its_successor_with_the_history(
    client, registry, province_coordinator, world
):
    client.force_login(province_coordinator)
    by_block = _ids(client, khoi=registry["block"].pk)
    assert registry["old"].pk in by_block  # the successor's block holds the old unit's flag
    page = client.get(reverse("awards:unit", args=[world.commune.pk])).content.decode()
    assert "Khen thưởng của đơn vị trước sáp nhập" in page
    assert "UBND huyện Bắc Hà (cũ)" in page and "Sáp nhập ngày 30/06/2025" in page
    registry_page = client.get(reverse("awards:registry")).content.decode()
    assert "Đã sáp nhập vào UBND xã Thống Nhất (30/06/2025)" in registry_page


def test_a_filter_on_a_unit_outside_the_scope_shows_nothing(
    client, registry, commune_coordinator, world
):
    client.force_login(commune_coordinator)
    assert _ids(client, don_vi=world.other_department.pk) == set()
    assert registry["department"].pk not in _ids(client)


def test_registry_exports_to_excel_with_the_filters(client, registry, province_coordinator):
    client.force_login(province_coordinator)
    response = client.get(reverse("awards:registry_excel"), {"khoi": registry["block"].pk})
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.active.iter_rows(min_row=4, values_only=True))
    names = {row[1] for row in rows if isinstance(row[0], int)}
    assert names == {"UBND xã Thống Nhất", "UBND huyện Bắc Hà (cũ)", "Hoàng Thị Lan"}
    old = next(row for row in rows if row[1] == "UBND huyện Bắc Hà (cũ)")
    assert old[2] == "UBND huyện Bắc Hà (cũ) (nay là UBND xã Thống Nhất)"
    assert old[7] == registry["old"].decision_date.strftime("%d/%m/%Y")


def test_registry_excel_keeps_formula_like_text_as_text(
    client, world, catalogue, province_coordinator
):
    AwardRecordFactory(subject_unit=world.commune, year=2025, form=form("bang-khen-chu-tich-tinh"),
                       achievement="=HYPERLINK(\"http://x\")")  # fmt: skip
    client.force_login(province_coordinator)
    book = load_workbook(io.BytesIO(client.get(reverse("awards:registry_excel")).content))
    cell = book.active.cell(row=4, column=10)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_registry_pages_queries_do_not_grow(
    client, registry, world, province_coordinator, django_assert_max_num_queries
):
    client.force_login(province_coordinator)
    for n in range(25):
        unit = OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type,
                              block=registry["block"], name=f"UBND xã Mới {n}")  # fmt: skip
        AwardRecordFactory(subject_unit=unit, form=form("bang-khen-chu-tich-tinh"), year=2025)
    with django_assert_max_num_queries(12):
        assert len(_ids(client, khoi=registry["block"].pk, don_vi="")) >= 25
    with django_assert_max_num_queries(8):
        assert client.get(reverse("awards:registry_excel")).status_code == 200


def test_a_persons_page_reads_the_title_chain(client, registry, province_coordinator):
    client.force_login(province_coordinator)
    page = client.get(reverse("awards:person", args=[registry["head"].pk])).content.decode()
    chain = page[page.index("Danh hiệu thi đua qua các năm") :]
    assert chain.index("Lao động tiên tiến") < chain.index("Chiến sĩ thi đua cơ sở")
    assert "2025, 2024, 2023 — 3 năm liên tục" in chain
    assert "Đủ số năm liên tục để xét Chiến sĩ thi đua cấp tỉnh" in chain


def test_an_extraordinary_award_does_not_count_in_the_chain(client, world, catalogue,
                                                            province_coordinator):  # fmt: skip
    person = PersonFactory(unit=world.commune)
    AwardRecordFactory(person=person, form=form("chien-si-thi-dua-co-so"), year=2024)
    AwardRecordFactory(person=person, form=form("chien-si-thi-dua-co-so"), year=2025,
                       kind=kind("dot-xuat"))  # fmt: skip
    client.force_login(province_coordinator)
    page = client.get(reverse("awards:person", args=[person.pk])).content.decode()
    assert "Chiến sĩ thi đua cơ sở</strong>: 2024" in page
    assert "Chiến sĩ thi đua cấp tỉnh cần 3 năm liên tục." in page


# --- certificates ---


def test_certificate_says_who_gave_what_to_whom(registry):
    context = certificate_context(registry["commune"])
    assert context["decider"] == "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"
    assert context["title"] == "Bằng khen"
    assert context["subject_name"] == "UBND xã Thống Nhất"
    assert context["reason"] == "Dẫn đầu khối các xã năm 2025"
    assert context["decision_date"] == "15/01/2026"
    assert context["place_date"] == "Lào Cai, ngày 15 tháng 01 năm 2026"
    person = certificate_context(registry["head"].award_records.order_by("year").first())
    assert person["subject_label"] == "bà" and person["title"] == "Lao động tiên tiến"


def test_one_certificate_downloads_as_word(client, registry, province_coordinator):
    client.force_login(province_coordinator)
    response = client.get(reverse("awards:certificate_docx", args=[registry["commune"].pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "BẰNG KHEN" in text and "UBND xã Thống Nhất" in text


def test_an_office_template_with_a_broken_tag_gives_a_vietnamese_message(
    client, registry, province_coordinator, settings, tmp_path
):
    broken = Document()
    broken.add_paragraph("{{ subject_name ")
    broken.save(tmp_path / "giay_khen.docx")
    settings.DOCUMENT_TEMPLATES_DIR = tmp_path
    client.force_login(province_coordinator)
    url = reverse("awards:certificate_docx", args=[registry["commune"].pk])
    page = client.get(url, follow=True).content.decode()
    assert "có thẻ {{ }} hoặc {% %} viết sai" in page


def _run(client, response) -> Job:
    job_id = resolve(response["Location"]).kwargs["pk"]
    job_run(job_id)
    return Job.objects.get(pk=job_id)


def _download(client, job: Job) -> bytes:
    response = client.get(reverse("jobs:download", args=[job.pk]))
    return b"".join(response.streaming_content)


def test_one_certificate_as_pdf_through_a_job(client, registry, province_coordinator):
    client.force_login(province_coordinator)
    response = client.post(reverse("awards:certificate_pdf", args=[registry["commune"].pk]))
    job = _run(client, response)
    assert job.status == Job.Status.DONE, job.error
    text = pdf_text(_download(client, job))
    assert "BẰNG KHEN" in text and "UBND xã Thống Nhất" in text and "97/QĐ-UBND" in text


def test_a_batch_of_the_filtered_records_is_one_merged_pdf(client, registry, province_coordinator):
    import pdfplumber

    client.force_login(province_coordinator)
    response = client.post(
        reverse("awards:registry_certificates"), {"nam": "2025", "khoi": registry["block"].pk}
    )
    job = _run(client, response)
    assert job.status == Job.Status.DONE, job.error
    assert job.result_name.endswith(".pdf") and job.step == "Đã tạo 3 giấy khen"
    with pdfplumber.open(io.BytesIO(_download(client, job))) as pdf:
        texts = [unicodedata.normalize("NFC", page.extract_text()) for page in pdf.pages]
    assert len(texts) == 3
    assert any("UBND xã Thống Nhất" in t for t in texts)
    assert sum("Hoàng Thị Lan" in t for t in texts) == 2


def test_a_batch_as_a_zip_of_word_files_reports_its_progress(registry):
    records = [registry["commune"], registry["old"], registry["department"]]
    steps = []
    result = certificates_batch(
        records, output=Format.DOCX_ZIP, name="lo", progress=lambda s, p: steps.append((s, p))
    )
    with zipfile.ZipFile(io.BytesIO(result.content)) as archive:
        names = archive.namelist()
    assert len(names) == 3 and all(n.endswith(".docx") for n in names)
    assert "co-thi-dua-2023-ubnd-huyen-bac-ha-cu" in names[1]
    assert steps[-1][0] == "Đang tạo 3/3 giấy khen (Word)"


def test_a_batch_of_another_subtree_finds_nothing(client, registry, commune_coordinator, world):
    client.force_login(commune_coordinator)
    response = client.post(
        reverse("awards:registry_certificates"), {"don_vi": world.other_department.pk}
    )
    job = _run(client, response)
    assert job.status == Job.Status.FAILED
    assert "Không có khen thưởng nào" in job.error
