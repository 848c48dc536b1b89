"""Test settings for mutation runs (scripts/mutation.py): each mutant runs its tests in a new
process, so the test database lives in a file kept between them (`--reuse-db`) instead of being
migrated for every mutant. mutmut runs the tests from its `mutants/` copy: the file goes there."""

from pathlib import Path

from thidua.test_settings import *  # noqa: F403
from thidua.test_settings import DATABASES

DATABASES["default"]["TEST"] = {"NAME": str(Path.cwd() / "mutation-test.sqlite3")}
