"""The apps are layered (DESIGN.md): each imports only the apps below it, never one beside or above.

The layer map below is the one place the layering is written. Every production module of every
app is parsed (``ast``), imports inside functions included (a lazy import is still a dependency),
and each import of an app on the same or a higher layer is reported as ``module:line``. Model
relations are layering too (a foreign key is a dependency even though it is written as a string),
so the models' forward relations are checked the same way. Tests, migrations and the project
package (``thidua``) are not production modules of an app and are not checked.
"""

import ast
import pathlib

from django.apps import apps

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Bottom to top. An app imports only apps on a lower line. `evaluation` and `awards` are not
# written yet; their place is kept so they land where DESIGN.md puts them.
LAYERS: list[set[str]] = [
    # Shared helpers and the two plain libraries (extraction has no Django import; documents
    # renders Word files from templates and knows no model).
    {"core", "extraction", "documents"},
    {"org"},
    # jobs knows only org (the scope of the job list); plans and monitoring start jobs.
    {"movements", "indicators", "jobs"},
    {"plans"},
    {"reporting"},
    # Initiatives read plans' targets and reporting's evidence rules; registrations list them.
    {"initiatives"},
    # Registrations read plans and reporting's roles and scope; evaluation reads registrations.
    {"registrations"},
    {"monitoring"},
    {"evaluation"},
    {"awards"},
    # Rounds and nominations; the council votes on them and the decision awards them.
    {"nominations"},
    {"council", "decisions"},
    # The public pages of published data (opendata): the API serves the same rows under /open/.
    {"opendata"},
    # The JSON API (/api/v1/) calls the selectors and services of the apps below, like a page.
    {"api"},
    # The site: home page, header context, demo (`portal`, since `site` is a stdlib module).
    {"portal"},
]

LEVEL = {app: level for level, layer in enumerate(LAYERS) for app in layer}

# Known, documented exceptions, as "app_label.Model.field": the reason it stays. The test fails
# when one of them is no longer needed, so the list cannot go stale. None is left: the last ones,
# phases and milestones pointing at plans and reporting's events at registrations, moved to
# the app above (issue #11 §3).
KNOWN_RELATIONS_UPWARD: dict[str, str] = {}


def _production_modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def _imported_apps(path: pathlib.Path):
    """(line, imported top-level package) for every absolute import in the module, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def layer_violations() -> list[str]:
    found = []
    for app, level in sorted(LEVEL.items()):
        if not (ROOT / app).is_dir():
            continue
        for path in _production_modules(app):
            for line, imported in _imported_apps(path):
                if imported == app or imported not in LEVEL:
                    continue
                if LEVEL[imported] >= level:
                    module = path.relative_to(ROOT)
                    found.append(f"{module}:{line} imports {imported} (layer {app} may not)")
    return found


def upward_relations() -> set[str]:
    found = set()
    for model in apps.get_models():
        app = model._meta.app_label
        if app not in LEVEL:
            continue
        for field in model._meta.get_fields():
            if field.auto_created or not field.is_relation or field.related_model is None:
                continue
            target = field.related_model._meta.app_label
            if target != app and target in LEVEL and LEVEL[target] >= LEVEL[app]:
                found.add(f"{app}.{model.__name__}.{field.name}")
    return found


def test_every_app_is_on_a_layer():
    project_apps = {
        config.label
        for config in apps.get_app_configs()
        if pathlib.Path(config.path).is_relative_to(ROOT) and "site-packages" not in config.path
    }
    assert project_apps - set(LEVEL) == set()


def test_no_app_imports_an_app_beside_or_above_it():
    violations = layer_violations()
    assert violations == [], "\n".join(violations)


def test_no_model_points_at_an_app_above_it_but_the_documented_ones():
    assert upward_relations() == set(KNOWN_RELATIONS_UPWARD)


# Inside an app, the seams of a split package run one way too (issue #11 §2): reads below writes,
# writes below the files made of them. Each entry, bottom to top: a module under the first may
# not import the ones after it.
INNER_LAYERS: dict[str, list[str]] = {
    "reporting": ["reporting.selectors", "reporting.services", "reporting.excel"],
    "monitoring": ["monitoring.selectors", "monitoring.exports"],
}


def _imported_modules(path: pathlib.Path):
    """(line, full dotted name) of every absolute import, `from a import b` giving `a.b` too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def _module_name(path: pathlib.Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def inner_layer_violations() -> list[str]:
    found = []
    for app, order in INNER_LAYERS.items():
        for path in _production_modules(app):
            name = _module_name(path)
            level = next((i for i, part in enumerate(order) if _within(name, part)), None)
            if level is None:
                continue
            above = order[level + 1 :]
            for line, imported in _imported_modules(path):
                if any(_within(imported, part) for part in above):
                    module = path.relative_to(ROOT)
                    found.append(f"{module}:{line} imports {imported} (above {order[level]})")
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_walk_reads_the_modules_of_split_packages():
    modules = {_module_name(path) for app in LEVEL for path in _production_modules(app)}
    assert {
        "reporting.excel.reader",
        "reporting.services.drafts",
        "reporting.selectors.board",
        "monitoring.selectors.targets",
    } <= modules


def test_inside_an_app_reads_do_not_import_writes_nor_writes_the_files():
    violations = inner_layer_violations()
    assert violations == [], "\n".join(violations)


def test_the_inner_check_sees_a_read_that_imports_a_write(tmp_path, monkeypatch):
    """The check above can fail: a selector importing the services is reported."""
    package = tmp_path / "reporting" / "selectors"
    package.mkdir(parents=True)
    (package / "bad.py").write_text("from reporting import services\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert inner_layer_violations() == [
        "reporting/selectors/bad.py:1 imports reporting.services (above reporting.selectors)"
    ]
