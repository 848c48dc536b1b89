"""Mutation testing of the rule modules (`make mutation`; slow, not part of `make test`).

Each rule module is mutated by mutmut and run against its own fast tests, in a scratch copy of the
project under var/mutation/ (mutmut rewrites the sources it mutates). Mutants judged equivalent are
listed in `<module>.equivalent-mutants` beside the module: a name, `#` and the reason, then the
line the mutant changes, as it was (`-`) and as the mutant has it (`+`):

    monitoring.status.x__on_line__mutmut_9  # zip(strict=None) is zip(strict=False)
        - for (start, a), (end, b) in zip(corners, corners[1:], strict=False):
        + for (start, a), (end, b) in zip(corners, corners[1:], strict=None):

A listed mutant is not counted, so a run shows only new survivors. An entry is stale when mutmut
no longer makes that mutant or its lines changed (the code moved, or the number now names another
mutant): the run says so and prints the lines as they are now. Prints the score per module and
every survivor with its lines; exits 1 when a module is under the bar.

    .venv/bin/python scripts/mutation.py                  # every module below
    .venv/bin/python scripts/mutation.py status checks    # some (any unique part of a path)
    .venv/bin/python scripts/mutation.py scope --tests org/tests/test_scope_rules.py  # other tests
    .venv/bin/python scripts/mutation.py --last [MODULE ...]   # the last run again, not re-run
"""

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "var" / "mutation"
MUTMUT = ROOT / ".venv" / "bin" / "mutmut"
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
    "reporting/figures.py": [
        "reporting/tests/test_figure_rules.py",
        "reporting/tests/test_figures.py::TestTheRuleAlone",
    ],
    "awards/eligibility.py": ["awards/tests/test_eligibility.py"],
    "council/tally.py": ["council/tests/test_tally_rules.py"],
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
        "evaluation/tests/test_computed_rules.py",
    ],
    "extraction/dates.py": ["extraction/tests/test_dates.py"],
    "extraction/targets.py": [
        "extraction/tests/test_rules.py",
        "extraction/tests/test_layout_rules.py",
        "extraction/tests/test_full_text_rules.py",
        "extraction/tests/test_round5_rules.py",
        "extraction/tests/test_round6_rules.py",
        "extraction/tests/test_round7_rules.py",
        "extraction/tests/test_round8_rules.py",
        "extraction/tests/test_target_rules.py",
    ],
    "extraction/situation.py": [
        "extraction/tests/test_round7_rules.py",
        "extraction/tests/test_situation_rules.py",
    ],
    "extraction/bare_figures.py": [
        "extraction/tests/test_round8_rules.py",
        "extraction/tests/test_bare_figure_rules.py",
    ],
    "extraction/web_copy.py": [
        "extraction/tests/test_round8_rules.py",
        "extraction/tests/test_web_copy_rules.py",
    ],
    "extraction/phases.py": ["extraction/tests/test_phase_rules.py"],
    "extraction/target_tables.py": [
        "extraction/tests/test_rules.py",
        "extraction/tests/test_layout_rules.py",
        "extraction/tests/test_full_text_rules.py",
        "extraction/tests/test_round5_rules.py",
        "extraction/tests/test_round6_rules.py",
        "extraction/tests/test_target_rules.py",
        "extraction/tests/test_target_table_rules.py",
    ],
    "extraction/tasks.py": [
        "extraction/tests/test_task_rules.py",
        "extraction/tests/test_rules.py",
        "extraction/tests/test_layout_rules.py",
        "extraction/tests/test_full_text_rules.py",
        "extraction/tests/test_round8_rules.py",
    ],
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
# A mutant whose tests never end (an endless loop) is stopped: caught, as mutmut's score counts it.
KILLED = {"killed", "timeout"}
NOT_KILLED = {"survived", "no tests", "suspicious"}


def scratch_dir(module: str) -> Path:
    return SCRATCH / module.replace("/", "_").removesuffix(".py")


def equivalent_mutants(module: str) -> dict[str, tuple[str, list[str]]]:
    """The mutants judged equivalent, from the file beside `module`: name → (reason, its lines)."""
    path = ROOT / (module.removesuffix(".py") + ".equivalent-mutants")
    listed: dict[str, tuple[str, list[str]]] = {}
    if not path.exists():
        return listed
    name = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1].isspace() and line.strip()[:1] in "-+" and name:
            listed[name][1].append(line.strip())
        elif line.strip() and not line.startswith("#"):
            name, _, reason = (part.strip() for part in line.partition("#"))
            listed[name] = (reason, [])
    return listed


def changed_lines(workdir: Path, name: str) -> list[str]:
    """The lines mutant `name` changes, as `- original` and `+ mutated`, from `mutmut show`."""
    diff = subprocess.run(
        [str(MUTMUT), "show", name], cwd=workdir, capture_output=True, text=True
    ).stdout
    return [
        f"{line[0]} {line[1:].strip()}"
        for line in diff.splitlines()
        if line[:1] in "-+" and not line.startswith(("---", "+++"))
    ]


def scratch_copy(module: str, tests: list[str]) -> Path:
    """A copy of the tracked files with a mutmut configuration for `module` alone."""
    workdir = scratch_dir(module)
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
        # mutmut stops a mutant after (its tests' usual seconds + constant) × multiplier × 2
        # seconds of CPU: a mutant that loops forever (`while …` never false) costs ~2 min, not
        # the half hour of (t + 60) × 15 × 2 that a constant of 60 gave. Not less: the usual
        # seconds leave out the set-up of a test's database rows (evaluation's scoring round
        # takes ~30 s), and with a constant of 2 such mutants were stopped as "timeout".
        "timeout_constant": "10",
        "timeout_multiplier": "5",
    }
    with open(workdir / "setup.cfg", "w", encoding="utf-8") as handle:
        config.write(handle)
    return workdir


def run_module(module: str, tests: list[str], jobs: int | None) -> None:
    """mutmut on `module` in a fresh scratch copy; the time it took is kept beside its results."""
    workdir = scratch_copy(module, tests)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    command = [str(MUTMUT), "run", *([f"--max-children={jobs}"] if jobs else [])]
    start = time.monotonic()
    run = subprocess.run(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL)
    if run.returncode != 0:
        raise SystemExit(f"mutmut failed on {module} (exit {run.returncode}); see above")
    (workdir / "minutes").write_text(f"{(time.monotonic() - start) / 60:.0f}\n")


def report(module: str) -> float:
    """Prints the score of the last run on `module` and its survivors and stale entries."""
    workdir = scratch_dir(module)
    if not (workdir / "mutants").exists():
        raise SystemExit(f"{module} has not been run: nothing under {workdir}")
    listing = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=workdir, capture_output=True, text=True
    ).stdout
    statuses = {
        m["name"]: m["status"].strip() for m in map(RESULT_LINE.match, listing.splitlines()) if m
    }
    if not statuses:
        raise SystemExit(f"mutmut reported no mutant of {module}: nothing was measured")
    equivalent = equivalent_mutants(module)
    counted = {name: status for name, status in statuses.items() if name not in equivalent}
    killed = sum(status in KILLED for status in counted.values())
    survivors = [name for name, status in counted.items() if status in NOT_KILLED]
    score = killed / (killed + len(survivors))
    minutes = workdir / "minutes"
    took = f", {minutes.read_text().strip()} min" if minutes.exists() else ""
    print(
        f"== {module}: {killed}/{killed + len(survivors)} killed ({score:.1%}), "
        f"{len(statuses)} mutants, {len(equivalent)} listed equivalent{took}"
    )
    for name in survivors:
        print(f"   {name}: {counted[name]}")
        print("".join(f"       {line}\n" for line in changed_lines(workdir, name)), end="")
    for name, (_reason, recorded) in equivalent.items():
        if name not in statuses:
            print(f"   stale: {name} is listed as equivalent but no longer made")
            continue
        lines = changed_lines(workdir, name)
        if lines != recorded:
            why = "with other lines" if recorded else "without its lines"
            print(f"   stale: {name} is listed as equivalent {why}; they are now:")
            print("".join(f"       {line}\n" for line in lines), end="")
    return score


def module_named(part: str) -> str:
    """The module of MODULES whose path is or contains `part` ("status" → monitoring/status.py)."""
    found = [module for module in MODULES if part == module] or [m for m in MODULES if part in m]
    if len(found) != 1:
        raise SystemExit(f"{part!r} names {len(found)} modules of {', '.join(MODULES)}")
    return found[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="modules (any unique part); default: all")
    parser.add_argument(
        "--tests",
        nargs="+",
        help="run against these tests instead of the module's own list (one module: a quicker "
        "pass on a busy machine, e.g. evaluation/scoring.py with its tests that build no round)",
    )
    parser.add_argument(
        "--last", action="store_true", help="print the last run's results again, without running"
    )
    parser.add_argument("--jobs", type=int, help="mutants run at once (mutmut: one per core)")
    args = parser.parse_args()
    modules = [module_named(part) for part in args.modules] or list(MODULES)
    if args.tests and len(modules) != 1:
        parser.error("--tests goes with one module")
    if args.last and not args.modules:  # every module run so far
        modules = [module for module in modules if (scratch_dir(module) / "mutants").exists()]
    scores = {}
    for module in modules:
        if not args.last:
            run_module(module, args.tests or MODULES[module], args.jobs)
        scores[module] = report(module)
    for module, score in scores.items():
        print(f"{module}: {score:.1%} of non-equivalent mutants killed")
    return 1 if any(score < BAR for score in scores.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
