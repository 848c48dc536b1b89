"""Evidence uploads (#13 item 6): files are capped per task, per report and in bytes per unit,
and a file is taken for what its content is, not what its name says."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from org.models import Role
from reporting.models import Evidence
from reporting.tests.test_views import page_post

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 x"


def _post_files(client, setup, files):
    client.force_login(setup.user(Role.REPORTER))
    data = page_post(setup)
    data[f"t-{setup.task.pk}-files"] = files
    return client.post(reverse("reporting:detail", args=[setup.report.pk]), data)


@pytest.mark.parametrize(
    "name, content",
    [
        ("bien-ban.pdf", b"MZ\x90\x00 an executable renamed"),
        ("anh.png", b"<html><script>alert(1)</script>"),
        ("bang.xlsx", b"not a zip at all"),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(client, setup, name, content):
    response = _post_files(client, setup, [SimpleUploadedFile(name, content)])
    assert response.status_code == 400
    assert "chỉ nhận PDF" in response.content.decode()
    assert Evidence.objects.count() == 0


@pytest.mark.parametrize(
    "name, content",
    [
        ("bien-ban.pdf", PDF),
        ("anh.png", b"\x89PNG\r\n\x1a\n...."),
        ("anh.jpg", b"\xff\xd8\xff\xe0...."),
        ("van-ban.docx", b"PK\x03\x04...."),
        ("van-ban.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1...."),
    ],
)
def test_pdf_images_and_office_files_are_taken_by_their_content(client, setup, name, content):
    assert _post_files(client, setup, [SimpleUploadedFile(name, content)]).status_code == 302
    assert Evidence.objects.get().size == len(content)


def test_files_beyond_the_cap_per_task_are_refused(client, setup, settings):
    settings.EVIDENCE_MAX_FILES_PER_TASK = 3
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(2)]
    assert _post_files(client, setup, files).status_code == 302
    files = [SimpleUploadedFile(f"b{i}.pdf", PDF) for i in range(2)]
    response = _post_files(client, setup, files)
    assert response.status_code == 400
    assert "tối đa 3 tệp minh chứng" in response.content.decode()
    assert Evidence.objects.count() == 2


def test_files_beyond_the_cap_per_report_are_refused(client, setup, settings):
    settings.EVIDENCE_MAX_FILES_PER_REPORT = 2
    response = _post_files(client, setup, [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(3)])
    assert response.status_code == 400
    assert "Một báo cáo có tối đa 2 tệp minh chứng" in response.content.decode()
    assert Evidence.objects.count() == 0


def test_files_beyond_the_units_total_bytes_are_refused(client, setup, settings):
    settings.EVIDENCE_MAX_BYTES_PER_UNIT = 3 * len(PDF)
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(2)]
    assert _post_files(client, setup, files).status_code == 302
    files = [SimpleUploadedFile(f"b{i}.pdf", PDF) for i in range(2)]
    response = _post_files(client, setup, files)
    assert response.status_code == 400
    assert "hết dung lượng lưu minh chứng" in response.content.decode()
    assert Evidence.objects.count() == 2
