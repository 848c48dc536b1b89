"""An office replaces a built-in template without code: it uploads its own .docx in the admin;
a broken tag is refused at upload with a Vietnamese message; the next document uses the copy;
deactivating it goes back to the built-in template."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from documents.award_documents import render_certificate
from documents.models import DocumentTemplate
from documents.samples import certificate

pytestmark = pytest.mark.django_db(transaction=True)


def _docx(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def admin_client(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    admin = User.objects.create_superuser("quantri", "qt@example.vn", "matkhau-dai-123")
    client.force_login(admin)
    return client


def _upload(client, content: bytes, *, active: bool = True):
    data = {
        "name": "giay_khen.docx",
        "file": SimpleUploadedFile("giay-khen-cua-tinh.docx", content),
        "note": "Mẫu có logo của tỉnh",
    }
    if active:
        data["is_active"] = "on"
    return client.post(reverse("admin:documents_documenttemplate_add"), data)


def test_an_uploaded_template_replaces_the_built_in_one(admin_client):
    built_in = _text(render_certificate(certificate()))
    assert "BẰNG KHEN" in built_in
    response = _upload(admin_client, _docx("ỦY BAN NHÂN DÂN TỈNH", "Khen tặng {{ subject_name }}"))
    assert response.status_code == 302
    assert "Khen tặng Lò Thị Mai" in _text(render_certificate(certificate()))
    template = DocumentTemplate.objects.get()
    template.is_active = False
    from documents.services import template_publish

    template_publish(template=template)
    assert _text(render_certificate(certificate())) == built_in


def test_a_template_with_a_broken_tag_is_refused_with_a_vietnamese_message(admin_client):
    response = _upload(admin_client, _docx("Khen tặng {{ subject_name "))
    assert response.status_code == 200
    page = response.content.decode()
    assert "có thẻ {{ }} hoặc {% %} viết sai" in page
    assert DocumentTemplate.objects.count() == 0
    assert "BẰNG KHEN" in _text(render_certificate(certificate()))


def test_a_file_that_is_not_word_is_refused(admin_client):
    response = _upload(admin_client, b"%PDF-1.4 not a docx")
    assert "không phải văn bản Word .docx hợp lệ" in response.content.decode()
    assert DocumentTemplate.objects.count() == 0


def test_a_new_version_sets_the_old_one_aside(admin_client):
    _upload(admin_client, _docx("Phiên bản một {{ subject_name }}"))
    _upload(admin_client, _docx("Phiên bản hai {{ subject_name }}"))
    assert DocumentTemplate.objects.filter(is_active=True).count() == 1
    assert "Phiên bản hai Lò Thị Mai" in _text(render_certificate(certificate()))
