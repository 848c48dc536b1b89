"""A commune's November report, as the code that gathers the figures would pass it."""

from __future__ import annotations

import pytest

from documents.contexts import ReportContext
from documents.samples import november_report


@pytest.fixture
def report_context() -> ReportContext:
    return november_report()


@pytest.fixture(autouse=True)
def office_templates_dir(settings, tmp_path):
    """An empty office folder, so that a developer's own templates never change a test."""
    folder = tmp_path / "document_templates"
    folder.mkdir()
    settings.DOCUMENT_TEMPLATES_DIR = folder
    return folder
