"""The committed templates are exactly what the build script makes (python -m
documents.build_templates), so the layout reviewed as code is the layout shipped."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from documents.build_templates import TEMPLATES_DIR, all_templates, build_all

TEMPLATES = all_templates()

REBUILD_HINT = "run `python -m documents.build_templates` and commit documents/templates_docx/"


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_committed_template_matches_the_build_script(tmp_path, name):
    build_all(tmp_path)
    committed, built = members(TEMPLATES_DIR / name), members(tmp_path / name)
    assert sorted(committed) == sorted(built), REBUILD_HINT
    for part, content in built.items():
        assert committed[part] == content, f"{name}: {part} differs; {REBUILD_HINT}"


def test_building_twice_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    build_all(first)
    build_all(second)
    for name in TEMPLATES:
        assert (first / name).read_bytes() == (second / name).read_bytes()


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_stays_small_and_carries_no_leftovers(name):
    path = TEMPLATES_DIR / name
    assert path.stat().st_size < 20_000
    parts = members(path)
    assert "docProps/thumbnail.jpeg" not in parts
    assert not any(part.startswith("customXml/") for part in parts)
