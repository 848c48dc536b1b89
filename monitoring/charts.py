"""ECharts options built on the server from the selectors' results (the page only draws them).

Every chart carries a toolbox to save it as PNG; numbers are rounded here, and the page's
script formats them with a decimal comma in tooltips.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from monitoring.status import Status

TOOLBOX = {
    "feature": {"saveAsImage": {"title": "PNG", "pixelRatio": 2}},
    "right": 8,
}


def _round(value: Decimal | None, places: int = 1):
    return None if value is None else round(float(value), places)


def status_donut(counts: dict[str, int]) -> dict:
    return {
        "tooltip": {"trigger": "item"},
        "toolbox": TOOLBOX,
        "legend": {"bottom": 0},
        "series": [
            {
                "type": "pie",
                "radius": ["45%", "70%"],
                "label": {"formatter": "{c}"},
                "data": [
                    {
                        "name": str(Status.LABELS[code]),
                        "value": counts.get(code, 0),
                        "itemStyle": {"color": Status.COLORS[code]},
                        "status": code,
                    }
                    for code in ("met", "on_track", "at_risk", "missed", "no_data")
                ],
            }
        ],
    }


def trend_chart(detail) -> dict:
    """The value of each period against the path, with the due value as a line."""
    labels = [row["period"] for row in detail.trend]
    target = detail.target
    # The line is the level the goal ends at (a rank "8 places up" ends at baseline - 8), and
    # the axis reaches it so it is always in sight.
    from monitoring.status import end_value

    rank = target.indicator.kind == "rank"
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
