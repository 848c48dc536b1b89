"""The apps ask the indicator, never its kind (issue #11 §4).

How a figure is entered, read, checked, summed and shown is answered by `Indicator`'s properties
(`entry_fields`, `input_fields`, `is_ratio`, `is_yes_no`, `is_words`, `takes_whole_numbers`,
`sums_over_units`, `accumulation`, `lower_is_better`, `counts_places`). Every production module
is parsed (``ast``) and each comparison of a kind with an indicator kind — the string "ratio" or
a member such as ``Indicator.Kind.RATIO`` — is reported as ``module:line``. Every app is checked
but `indicators`, where the answers are written, and the modules listed below with their reason.
"""

import ast
import pathlib

from indicators.models import Indicator
from tests.test_layers import LEVEL

ROOT = pathlib.Path(__file__).resolve().parent.parent
ANSWERING_APP = "indicators"

# Modules that still compare a kind, as "path": the reason. Delete an entry once its module asks
# the indicator; no other module may start comparing.
KNOWN_KIND_BRANCHES = {
    "monitoring/status.py": (
        "value_of(kind, figure), the one rule that turns a roll-up into the number a target is "
        "judged on, takes the kind's value so that it stays a pure function of plain values "
        "(tested and mutation-tested so); every other question there asks the indicator."
    ),
    "portal/demo_reports.py": (
        "The demo's figures are drawn from a seed `Spec` (portal.demo_report_data), which has a "
        "kind and no Indicator yet: it is compared with Indicator.Kind members, not strings."
    ),
}
KIND_VALUES = set(Indicator.Kind.values)
KIND_NAMES = set(Indicator.Kind.names)


def _production_modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def _is_indicator_kind(node: ast.AST) -> bool:
    """A string that is an indicator kind, a `Kind.RATIO`-like member, or a tuple/list/set of
    them."""
    if isinstance(node, ast.Constant):
        return node.value in KIND_VALUES
    if isinstance(node, ast.Attribute):
        owner = node.value
        owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        return owner_name == "Kind" and node.attr in KIND_NAMES
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_indicator_kind(element) for element in node.elts)
    return False


def _is_kind(node: ast.AST) -> bool:
    """`kind`, `x.kind` or `x.kind.value`."""
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    return (isinstance(node, ast.Name) and node.id == "kind") or (
        isinstance(node, ast.Attribute) and node.attr == "kind"
    )


def kind_branches(path: pathlib.Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if any(_is_kind(side) for side in sides) and any(_is_indicator_kind(s) for s in sides):
            found.append(node.lineno)
    return found


def test_the_check_finds_a_kind_compared_as_a_string_or_a_member(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        'if indicator.kind == "ratio": pass\n'
        "if kind in (Indicator.Kind.BOOLEAN, Indicator.Kind.TEXT): pass\n"
        'if slot.kind == "task": pass\n'
        "if indicator.is_ratio: pass\n"
    )
    assert kind_branches(module) == [1, 2]


def _branches_by_module() -> dict[str, list[int]]:
    found = {}
    for app in sorted(LEVEL):
        if app == ANSWERING_APP or not (ROOT / app).is_dir():
            continue
        for path in _production_modules(app):
            lines = kind_branches(path)
            if lines:
                found[path.relative_to(ROOT).as_posix()] = lines
    return found


def test_no_module_compares_an_indicators_kind_but_the_known_ones():
    found = {
        f"{module}:{line}"
        for module, lines in _branches_by_module().items()
        if module not in KNOWN_KIND_BRANCHES
        for line in lines
    }
    assert found == set(), "ask the Indicator (indicators/models.py) instead:\n" + "\n".join(
        sorted(found)
    )


def test_reporting_compares_no_kind_at_all():
    assert [m for m in _branches_by_module() if m.startswith("reporting/")] == []
