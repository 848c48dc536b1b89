"""Test settings for mutation runs: each mutant runs its tests in a fresh process, so the test
database lives in a file kept between runs (`--reuse-db`) instead of being migrated every time."""

from thidua.test_settings import *  # noqa: F403
from thidua.test_settings import DATABASES

DATABASES["default"]["TEST"] = {"NAME": "var/mutation-test.sqlite3"}
