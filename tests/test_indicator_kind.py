"""Reporting asks the indicator, never its kind (issue #11 §4).

How a figure is entered, read, checked, summed and shown is answered by `Indicator`'s properties
(`entry_fields`, `input_fields`, `is_ratio`, `is_yes_no`, `is_words`, `takes_whole_numbers`,
`sums_over_units`, `accumulation`, `lower_is_better`, `counts_places`). Every production module
of reporting is parsed (``ast``) and each comparison of a kind with an indicator kind — the
string "ratio" or a member such as ``Indicator.Kind.RATIO`` — is reported as ``module:line``.
"""

import ast
import pathlib

from indicators.models import Indicator

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKED_APPS = ["reporting"]
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


def test_reporting_asks_the_indicator_instead_of_comparing_its_kind():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in CHECKED_APPS
        for path in _production_modules(app)
        for line in kind_branches(path)
    ]
    assert found == [], "ask the Indicator (indicators/models.py) instead:\n" + "\n".join(found)
