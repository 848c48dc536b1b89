"""Mutation testing of the rule modules (`make mutation`; slow, not part of `make test`).

Each rule module is mutated by mutmut and run against its own fast tests, in a scratch copy of the
project under var/mutation/ (mutmut rewrites the sources it mutates). Mutants listed as equivalent
in `<module>.equivalent-mutants` beside the module (one name a line, then `#` and the reason) are
not counted, so a run shows only new survivors. Prints the score per module and every survivor;
exits 1 when a module is under the bar.

    .venv/bin/python scripts/mutation.py [MODULE ...]   # default: every module below
    .venv/bin/python scripts/mutation.py MODULE --tests TEST ...   # one module, other tests
"""

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "var" / "mutation"
BAR = 0.95

# Rule module → its own fast tests (issue #19).
MODULES: dict[str, list[str]] = {
    "org/scope.py": [
        "org/tests/test_scope_rules.py",
        "org/tests/test_scope.py",
        "org/tests/test_shared_cache.py",
    ],
    "monitoring/status.py": ["monitoring/tests/test_status.py"],
    "reporting/checks.py": ["reporting/tests/test_checks.py"],
    "awards/eligibility.py": ["awards/tests/test_eligibility.py"],
    "evaluation/scoring.py": [
        "evaluation/tests/test_scoring_rules.py",
        "evaluation/tests/test_scoring_services.py",
        "evaluation/tests/test_scoring_flow.py",
        "evaluation/tests/test_worked_example.py",
    ],
    "evaluation/computed.py": [
        "evaluation/tests/test_scoring_rules.py",
        "evaluation/tests/test_initiatives_criterion.py",
        "evaluation/tests/test_targets_window.py",
        "evaluation/tests/test_computed_chunks.py",
        "evaluation/tests/test_worked_example.py",
    ],
    "extraction/dates.py": ["extraction/tests/test_dates.py"],
}
# What a mutant's test process needs besides the module (mutmut copies these into mutants/).
# Every installed app: evaluation's modules import initiatives, and Django sets up all of them.
PROJECT = [
    "thidua", "core", "org", "movements", "indicators", "plans", "reporting", "initiatives",
    "registrations", "monitoring", "evaluation", "documents", "jobs", "awards", "nominations",
    "council", "decisions", "api", "portal", "opendata", "extraction", "templates", "static",
    "locale", "conftest.py", "manage.py",
]  # fmt: skip
RESULT_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+)$")


def equivalent_mutants(module: str) -> dict[str, str]:
    """Names of the mutants judged equivalent, with their reasons, from the file beside `module`."""
    path = ROOT / (module.removesuffix(".py") + ".equivalent-mutants")
    if not path.exists():
        return {}
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            listed[name.strip()] = reason.strip()
    return listed


def scratch_copy(module: str, tests: list[str]) -> Path:
    """A copy of the tracked files with a mutmut configuration for `module` alone."""
    workdir = SCRATCH / module.replace("/", "_").removesuffix(".py")
    if workdir.exists():
        shutil.rmtree(workdir)
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    for name in filter(None, tracked):
        source = ROOT / name
        if name.split("/")[0] in {"bench", "docs"} or not source.is_file():
            continue
        target = workdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    (workdir / "var").mkdir(exist_ok=True)
    config = configparser.ConfigParser()
    config["mutmut"] = {
        "source_paths": module,
        "also_copy": "\n" + "\n".join(PROJECT),
        "pytest_add_cli_args_test_selection": "\n" + "\n".join(tests),
        # A test database kept in a file: each mutant's process reuses it instead of migrating.
        "pytest_add_cli_args": "\n-p\nno:cacheprovider\n--reuse-db\n--ds=thidua.mutation_settings",
        "timeout_constant": "60",
    }
    with open(workdir / "setup.cfg", "w", encoding="utf-8") as handle:
        config.write(handle)
    return workdir


def run_module(module: str, tests: list[str]) -> tuple[float, list[str], list[str]]:
    workdir = scratch_copy(module, tests)
    mutmut = [str(ROOT / ".venv" / "bin" / "mutmut")]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    run = subprocess.run([*mutmut, "run"], cwd=workdir, env=env, stdout=subprocess.DEVNULL)
    if run.returncode != 0:
        raise SystemExit(f"mutmut failed on {module} (exit {run.returncode}); see above")
    listing = subprocess.run(
        [*mutmut, "results", "--all", "true"], cwd=workdir, env=env, capture_output=True, text=True
    ).stdout
    equivalent = equivalent_mutants(module)
    killed, survived, present = 0, [], set()
    for line in listing.splitlines():
        match = RESULT_LINE.match(line)
        if not match:
            continue
        name, status = match["name"], match["status"].strip()
        present.add(name)
        if name in equivalent:
            continue
        if status == "killed":
            killed += 1
        elif status in {"survived", "no tests", "timeout", "suspicious"}:
            survived.append(f"{name}: {status}")
    stale = sorted(set(equivalent) - present)
    total = killed + len(survived)
    if total == 0:
        raise SystemExit(f"mutmut reported no mutant of {module}: nothing was measured")
    return killed / total, survived, stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(MODULES))
    parser.add_argument(
        "--tests",
        nargs="+",
        help="run against these tests instead of the module's own list (one module: a quicker "
        "pass on a busy machine, e.g. evaluation/scoring.py with its tests that build no round)",
    )
    args = parser.parse_args()
    if args.tests and len(args.modules) != 1:
        parser.error("--tests goes with one module")
    failed = False
    summary = []
    for module in args.modules:
        score, survivors, stale = run_module(module, args.tests or MODULES[module])
        summary.append(f"{module}: {score:.1%} of non-equivalent mutants killed")
        print(f"== {module}: {score:.1%} killed, {len(survivors)} surviving")
        for survivor in survivors:
            print(f"   {survivor}")
        for name in stale:
            print(f"   (listed as equivalent but no longer generated: {name})")
        failed |= score < BAR
    print("\n".join(summary))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
