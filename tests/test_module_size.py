"""A production module holds one idea, and one idea fits in about 600 lines (issue #11): past
that, the file's section banners are the seams it should be split along (a package whose
`__init__` re-exports the names callers use, as reporting.excel and reporting.services are).

Migrations, tests and bench/ are not production modules. A module may stay longer only with its
reason written below; the test fails when it no longer needs the exception, so the list cannot
go stale.
"""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_LINES = 600
SKIPPED_DIRS = {"tests", "migrations", "bench", "node_modules", "var", "static", "staticfiles"}

KNOWN_LONG: dict[str, str] = {}


def _line_count(path: pathlib.Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _line in handle)


def long_modules() -> dict[str, int]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0].startswith(".") or SKIPPED_DIRS & set(parts):
            continue
        lines = _line_count(path)
        if lines > MAX_LINES:
            found[path.relative_to(ROOT).as_posix()] = lines
    return found


def test_no_production_module_is_longer_than_one_idea_but_the_documented_ones():
    assert set(long_modules()) == set(KNOWN_LONG), long_modules()
