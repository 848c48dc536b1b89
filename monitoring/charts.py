"""Charts built on the server from the selectors' results: ECharts options the page only draws,
and the plan overview's status donut drawn whole here as SVG.

Every ECharts chart carries a toolbox to save it as PNG; numbers are rounded here, and the
page's script formats them with a decimal comma in tooltips.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from monitoring.status import Status

TOOLBOX = {
    "feature": {"saveAsImage": {"title": "PNG", "pixelRatio": 2}},
    "right": 8,
}


def _round(value: Decimal | None, places: int = 1):
    return None if value is None else round(float(value), places)


# The status donut is drawn here as SVG, not by ECharts (#17): the plan overview has no other
# chart, so it loads no chart library at all. Angles run clockwise from 12 o'clock, in degrees.
DONUT_CODES = ("met", "on_track", "at_risk", "missed", "no_data")
DONUT_CENTRE = 100  # of a 200 × 200 viewBox
DONUT_OUTER = 90
DONUT_INNER = 58  # the ring ECharts drew was 45–70 % of the radius


@dataclass(frozen=True)
class DonutSlice:
    status: str
    label: str
    count: int
    colour: str
    start: float
    end: float
    path: str  # empty for a status no target has: nothing to draw
    url: str = ""


@dataclass(frozen=True)
class Donut:
    slices: list[DonutSlice]  # every status, in the legend's order
    total: int
    description: str  # the picture in words, for a screen reader

    @property
    def drawn(self) -> list[DonutSlice]:
        return [piece for piece in self.slices if piece.path]


def _point(angle: float, radius: float) -> str:
    theta = math.radians(angle)
    x = DONUT_CENTRE + radius * math.sin(theta)
    y = DONUT_CENTRE - radius * math.cos(theta)
    return f"{x:.2f} {y:.2f}"


def _ring_path(start: float, end: float) -> str:
    """The ring between the two angles. A whole ring (one status only) is the outer circle with
    the inner one cut out (even-odd fill), each circle two half arcs, since an SVG arc cannot
    end where it starts."""
    if end - start >= 360:
        return "".join(
            f"M{_point(0, r)}A{r} {r} 0 1 1 {_point(180, r)}A{r} {r} 0 1 1 {_point(0, r)}Z"
            for r in (DONUT_OUTER, DONUT_INNER)
        )
    large = 1 if end - start > 180 else 0
    return (
        f"M{_point(start, DONUT_OUTER)}"
        f"A{DONUT_OUTER} {DONUT_OUTER} 0 {large} 1 {_point(end, DONUT_OUTER)}"
        f"L{_point(end, DONUT_INNER)}"
        f"A{DONUT_INNER} {DONUT_INNER} 0 {large} 0 {_point(start, DONUT_INNER)}Z"
    )


def status_donut(counts: dict[str, int], links: dict[str, str] | None = None) -> Donut:
    """The targets by status as ring slices proportional to their counts, each linking to the
    targets of its status (`links`, by status); no slice at all when no target is judged."""
    total = sum(counts.get(code, 0) for code in DONUT_CODES)
    slices, start, counted = [], 0.0, 0
    for code in DONUT_CODES:
        count = counts.get(code, 0)
        counted += count
        # From the running count, so that the last slice closes the ring exactly at 360°.
        end = 360 * counted / total if total else 0.0
        slices.append(
            DonutSlice(
                status=code,
                label=str(Status.LABELS[code]),
                count=count,
                colour=Status.COLORS[code],
                start=start,
                end=end,
                path=_ring_path(start, end) if count else "",
                url=(links or {}).get(code, ""),
            )
        )
        start = end
    parts = ", ".join(f"{piece.label} {piece.count}" for piece in slices)
    description = _("Số chỉ tiêu theo đánh giá: %(parts)s; tổng %(total)s chỉ tiêu.") % {
        "parts": parts,
        "total": total,
    }
    return Donut(slices=slices, total=total, description=description)


def trend_chart(detail) -> dict:
    """The value of each period against the path, with the due value as a line."""
    labels = [row["period"] for row in detail.trend]
    target = detail.target
    # The line is the level the goal ends at (a rank "8 places up" ends at baseline - 8), and
    # the axis reaches it so it is always in sight.
    from monitoring.status import end_value

    rank = target.indicator.counts_places
    end = end_value(detail.goal, rank=rank) if detail.goal else target.value
    each = detail.share_of_units
    if each:
        end = Decimal(100)  # the trend is the share of units meeting it: all of them
    seen = [float(v) for row in detail.trend for v in (row["value"], row["path"]) if v is not None]
    if end is not None:
        seen.append(float(end))
    if not seen:
        seen = [0.0]
    low, high = min(seen), max(seen)
    margin = max((high - low) * 0.1, 1)
    axis = {"type": "value", "min": round(low - margin), "max": round(high + margin)}
    if low >= 0:
        axis["min"] = max(0, axis["min"])  # no count or share below zero on the axis
    if target.unit == "%":
        axis.update(min=max(0, axis["min"]), max=min(100, axis["max"]))
    if each:
        axis.update(min=0, max=100)
    return {
        "tooltip": {"trigger": "axis"},
        "toolbox": TOOLBOX,
        "legend": {"bottom": 0},
        "grid": {"left": 48, "right": 24, "top": 40, "bottom": 60},
        "xAxis": {"type": "category", "data": labels},
        "yAxis": axis,
        "series": [
            {
                "name": _("Đơn vị tự đạt (%)") if each else _("Thực hiện"),
                "type": "line",
                "data": [_round(row["value"]) for row in detail.trend],
                "connectNulls": True,
                "symbolSize": 7,
                "markLine": {
                    "symbol": "none",
                    "lineStyle": {"color": "#dc3545"},
                    "label": {"formatter": _("Chỉ tiêu") + " {c}", "position": "insideEndTop"},
                    "data": [{"yAxis": _round(end)}] if end is not None else [],
                },
            },
            {
                "name": _("Lộ trình"),
                "type": "line",
                "data": [_round(row["path"]) for row in detail.trend],
                "lineStyle": {"type": "dashed"},
                "symbol": "none",
            },
        ],
    }


def units_bar(detail) -> dict:
    """The units directly below, by their figure, coloured by their status."""
    rows = [row for row in detail.children if row.value is not None][:40]
    rows.reverse()  # largest at the top of a horizontal bar chart
    return {
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "toolbox": TOOLBOX,
        # The right margin holds the bar's printed value ("59,5"), which containLabel ignores.
        "grid": {"left": 8, "right": 52, "top": 30, "bottom": 20, "containLabel": True},
        "xAxis": {"type": "value", "scale": False},
        "yAxis": {"type": "category", "data": [row.unit.name for row in rows]},
        "series": [
            {
                "name": _("Thực hiện"),
                "type": "bar",
                "data": [
                    {
                        "value": _round(row.value),
                        "itemStyle": {"color": Status.COLORS[row.verdict.status]},
                        "unit": row.unit.pk,
                    }
                    for row in rows
                ],
                "label": {"show": True, "position": "right"},
            }
        ],
    }


def status_legend() -> list[tuple[str, str]]:
    """The heat map's colour key, (label, colour) in the order of its pieces; the page prints it
    where the chart's own key does not fit (a phone)."""
    return [(str(Status.LABELS[code]), Status.COLORS[code]) for code in HEAT_CODES]


HEAT_CODES = ["met", "on_track", "at_risk", "missed", "no_data"]


def heat_map_chart(heat) -> dict:
    """Units × targets, a cell per status; blank where a unit is not asked for the figure."""
    codes = HEAT_CODES
    data = []
    for y, (unit, cells) in enumerate(heat.rows):
        for x, verdict in enumerate(cells):
            if verdict is not None:
                target = heat.targets[x]
                data.append(
                    {
                        "value": [x, y, codes.index(verdict.status)],
                        # The tooltip reads the cell's name: unit, target, status.
                        "name": f"{unit.name} — CT{x + 1}: {target.text[:80]} — {verdict.label}",
                    }
                )
    return {
        "tooltip": {"position": "top", "formatter": "{b}"},
        "toolbox": TOOLBOX,
        "grid": {"left": 8, "right": 8, "top": 10, "bottom": 70, "containLabel": True},
        "xAxis": {
            "type": "category",
            "data": [f"CT{n}" for n in range(1, len(heat.targets) + 1)],
            "splitArea": {"show": True},
        },
        "yAxis": {
            "type": "category",
            "data": [unit.name for unit, _cells in heat.rows],
            "inverse": True,
            "splitArea": {"show": True},
        },
        "visualMap": {
            "type": "piecewise",
            "orient": "horizontal",
            "left": "center",
            "bottom": 0,
            "pieces": [
                {"value": i, "label": label, "color": color}
                for i, (label, color) in enumerate(status_legend())
            ],
        },
        "series": [
            {
                "type": "heatmap",
                "data": data,
                "itemStyle": {"borderColor": "#fff", "borderWidth": 1},
                "emphasis": {"itemStyle": {"borderColor": "#000"}},
            }
        ],
    }
