"""An office's template uploaded in the admin goes live by being written into the office folder
(DOCUMENT_TEMPLATES_DIR) that render.find_template reads first; deactivating or deleting it
removes that copy, and the built-in template is used again. The DocumentTemplate rows keep who
uploaded what and when (several versions of one template; one active at a time)."""

from __future__ import annotations

import os
import tempfile

from django.db import transaction

from documents.models import DocumentTemplate
from documents.render import templates_dir


def _write_atomically(name: str, data: bytes) -> None:
    folder = templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed: a download at the same moment reads the old or the new file,
    # never half of one.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".docx")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, folder / name)


@transaction.atomic
def template_publish(*, template: DocumentTemplate) -> None:
    """Make `template` the one in use for its name (the other versions become inactive), or,
    if it is inactive, go back to the built-in template unless another version is active."""
    if template.is_active:
        DocumentTemplate.objects.filter(name=template.name, is_active=True).exclude(
            pk=template.pk
        ).update(is_active=False)
        template.save()
        with template.file.open("rb") as handle:
            data = handle.read()
        transaction.on_commit(lambda: _write_atomically(template.name, data))
        return
    template.save()
    if not DocumentTemplate.objects.filter(name=template.name, is_active=True).exists():
        transaction.on_commit(lambda: template_unpublish_file(template.name))


def template_unpublish_file(name: str) -> None:
    (templates_dir() / name).unlink(missing_ok=True)


@transaction.atomic
def template_delete(*, template: DocumentTemplate) -> None:
    name, was_active = template.name, template.is_active
    template.delete()
    if was_active:
        transaction.on_commit(lambda: template_unpublish_file(name))
