"""Render a Word template (docxtpl, Jinja tags) with a context into a .docx.

An office may replace a built-in template with its own (its wording, its signature, its logo): the
file of the same name in settings.DOCUMENT_TEMPLATES_DIR wins over documents/templates_docx/.
Templates are run in Jinja's sandbox with autoescape on, so user text ("<", "&") stays text and a
template file cannot reach Python internals.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from documents.layout import upper_vi

BUILTIN_TEMPLATES_DIR = Path(__file__).resolve().parent / "templates_docx"

# docxtpl turns "\a" in rendered text into a new paragraph with the same formatting, and "\n"
# into a line break; other control characters are not allowed in XML at all.
_PARAGRAPH_BREAK = "\a"
_LINE_ENDINGS = re.compile(r"\r\n?|[\v\f\u2028\u2029\x85]")
_FORBIDDEN = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")
_SAFE_NAME = re.compile(r"^[\w.-]+\.docx$")


class DocumentTemplateError(Exception):
    """A template is missing or cannot be rendered; the message says what an office should fix."""


def templates_dir() -> Path:
    """The folder where an office puts its own templates (setting DOCUMENT_TEMPLATES_DIR)."""
    configured = getattr(settings, "DOCUMENT_TEMPLATES_DIR", None)
    if configured:
        return Path(configured)
    return Path(settings.VAR_DIR) / "document_templates"


def find_template(template_name: str) -> Path:
    """The office's copy of `template_name` if there is one, else the built-in template."""
    if not _SAFE_NAME.match(template_name) or template_name.startswith("."):
        raise ValueError(f"not a template file name: {template_name!r}")
    for folder in (templates_dir(), BUILTIN_TEMPLATES_DIR):
        path = folder / template_name
        if path.is_file():
            return path
    raise DocumentTemplateError(
        f"Không tìm thấy mẫu văn bản “{template_name}” trong {templates_dir()} "
        "hoặc trong các mẫu có sẵn."
    )


def clean_text(text: str) -> str:
    """Plain text from a form or a paste, made safe for Word XML: composed Unicode (NFC), "\\n" as
    the only line ending (Word's manual line break \\v included), no control characters."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_ENDINGS.sub("\n", text)
    return _FORBIDDEN.sub("", text).replace(_PARAGRAPH_BREAK, "")


def _clean_context(value: Any) -> Any:
    if isinstance(value, Markup):
        return value  # already XML, built by the code on purpose
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {key: _clean_context(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_context(item) for item in value]
    return value


def paragraphs_filter(value: Any) -> str:
    """Jinja filter `paragraphs`: each non-empty line of a narrative becomes its own paragraph with
    the formatting of the paragraph holding the tag (indent, justification)."""
    lines = (line.strip() for line in str(value or "").split("\n"))
    return _PARAGRAPH_BREAK.join(line for line in lines if line)


def upper_vi_filter(value: Any) -> str:
    """Jinja filter `upper_vi`: capitals with Vietnamese diacritics kept (layout.upper_vi)."""
    return upper_vi(str(value or ""))


def jinja_environment() -> SandboxedEnvironment:
    """The environment every template is rendered in, with the filters the templates use.

    ChainableUndefined lets a template that an office edited name a missing key (even
    `signature.name` without a signature) and render it empty instead of failing the download.
    """
    environment = SandboxedEnvironment(autoescape=True, undefined=ChainableUndefined)
    environment.filters["paragraphs"] = paragraphs_filter
    environment.filters["upper_vi"] = upper_vi_filter
    return environment


@dataclass(frozen=True)
class TemplateSource:
    """Where a template comes from and its bytes: read once, rendered many times (a batch)."""

    label: str  # what an error message names: the uploaded file, or the path
    data: bytes


def load_template(template_name: str) -> TemplateSource:
    """The template an office uses for `template_name`: its own copy in DOCUMENT_TEMPLATES_DIR
    (put there by hand or by an upload in the admin: documents/services.py), else the built-in
    one. No database read: a document renders wherever the folder is."""
    path = find_template(template_name)
    return TemplateSource(str(path), path.read_bytes())


def _render(source: TemplateSource, context: Mapping[str, Any]) -> bytes:
    template = DocxTemplate(io.BytesIO(source.data))
    try:
        template.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentTemplateError(
            f"Tệp mẫu “{source.label}” không phải văn bản Word .docx hợp lệ (hãy lưu lại bằng "
            "Word, định dạng .docx)."
        ) from error
    try:
        template.render(_clean_context(context), jinja_env=jinja_environment(), autoescape=True)
    except TemplateError as error:
        excerpt = " ".join(line.strip() for line in getattr(error, "docx_context", []) or [])
        name = Path(source.label).name
        raise DocumentTemplateError(
            f"Mẫu văn bản “{name}” có thẻ {{{{ }}}} hoặc {{% %}} viết sai ({error.message})."
            + (f" Đoạn có lỗi: “{excerpt.strip()}”." if excerpt.strip() else "")
        ) from error
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


def render_docx(
    template_name: str, context: Mapping[str, Any], *, source: TemplateSource | None = None
) -> bytes:
    """Render `template_name` (e.g. "bao_cao_ket_qua.docx") with `context`; return the .docx bytes.

    Text values are plain text: they are escaped, and newlines become line breaks (or paragraphs
    where the template uses the `paragraphs` filter). See documents/README.md for each context.
    A batch passes `source` (load_template, once) instead of reading the template each time.
    """
    return _render(source or load_template(template_name), context)


def try_template(data: bytes, context: Mapping[str, Any], *, label: str) -> bytes:
    """Render an uploaded template with a sample context: DocumentTemplateError if it is broken."""
    return _render(TemplateSource(label, data), context)
