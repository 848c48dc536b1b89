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
    # Registrations read plans and reporting's roles and scope; evaluation reads registrations.
    {"registrations"},
    {"monitoring"},
    {"evaluation"},
    {"awards"},
    # The site: home page, header context, demo (`portal`, since `site` is a stdlib module).
    {"portal", "opendata"},
]

LEVEL = {app: level for level, layer in enumerate(LAYERS) for app in layer}

# Known, documented exceptions, as "app_label.Model.field": the reason it stays. The test fails
# when one of them is no longer needed, so the list cannot go stale.
KNOWN_RELATIONS_UPWARD = {
    "movements.Phase.plan": (
        "A phase or milestone read from an imported plan document keeps the plan it came from "
        "(plans/importing.py), so that re-importing or deleting that plan replaces only its own "
        "phases. Moving the link into plans (a PlanPhase row) is a data migration left for later; "
        "no module of movements imports plans."
    ),
    "movements.Milestone.plan": "Same reason as movements.Phase.plan.",
    "reporting.Event.registration": (
        "The steps of a registration are recorded in reporting's one audit table with those of "
        "reports (who, when, from where, what changed), as before registrations became their own "
        "app (issue #11 §2). Moving those rows into a table of registrations is a data migration "
        "left for later; no module of reporting imports registrations."
    ),
}


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
