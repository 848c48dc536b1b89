"""Reads behind the dashboards: targets with their status, drill-down to units and reports,
the heat map, a unit's page and the task board. Every read goes through the user's scope; the
figures come from the roll-ups, so a province of 1,650 units costs a handful of queries.

One idea a module: `viewpoint` (which plan and unit a person looks at), `figures` (the plan's
frame, its figures and the one `Judge` of a verdict), `overview` (the plan overview and the heat
map), `targets` (a target with the units below it), `units` (a unit's page), `tasks` (the task
board), `narrative` (what the Word report of a unit says). The names callers use are
re-exported here.
"""

from monitoring.selectors.figures import (
    ZERO,
    Judge,
    PlanFrame,
    asked_types,
    asked_units,
    plan_frame,
    registered_levels,
    subtree_types,
)
from monitoring.selectors.narrative import (
    PLACE_PREFIXES,
    NarrativeData,
    narrative_data,
)
from monitoring.selectors.overview import (
    HeatMap,
    PlanOverview,
    TargetLine,
    heat_map,
    plan_overview,
)
from monitoring.selectors.targets import (
    SOURCES_SHOWN,
    WITHOUT_DATA_SHOWN,
    TargetDetail,
    UnitFigure,
    target_detail,
    target_in_scope,
)
from monitoring.selectors.tasks import (
    TaskRow,
    task_board,
)
from monitoring.selectors.units import (
    Timeliness,
    UnitPage,
    unit_page,
)
from monitoring.selectors.viewpoint import (
    monitored_plans,
    plan_in_scope,
    readable_plans,
    unit_in_scope,
    viewpoint,
)

__all__ = [
    "readable_plans",
    "NarrativeData",
    "PLACE_PREFIXES",
    "narrative_data",
    "HeatMap",
    "Judge",
    "PlanFrame",
    "PlanOverview",
    "SOURCES_SHOWN",
    "TargetDetail",
    "TargetLine",
    "TaskRow",
    "Timeliness",
    "UnitFigure",
    "UnitPage",
    "WITHOUT_DATA_SHOWN",
    "ZERO",
    "asked_types",
    "asked_units",
    "heat_map",
    "monitored_plans",
    "plan_frame",
    "plan_in_scope",
    "plan_overview",
    "registered_levels",
    "subtree_types",
    "target_detail",
    "target_in_scope",
    "task_board",
    "unit_in_scope",
    "unit_page",
    "viewpoint",
]
