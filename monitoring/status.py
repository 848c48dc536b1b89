"""Where a target stands: its current value, the path towards its due value, and a status.

Plain functions on plain data (no queries), so every rule has a test of its own:

- A period's value comes from roll-up sums (`value_of`): a ratio is the ratio of the sums of
  numerators and denominators, never an average of percentages; counts and amounts add up;
  yes/no is the share of "yes"; a rank is the unit's own figure.
- Over time (`current_value`): an indicator read at the latest period (a stock: the share of
  residents with VNeID) takes the last period with data; a cumulative one (a flow: dossiers,
  initiatives) adds up the periods of the year so far.
- The path (`path_value`) runs in a straight line from the baseline (the value at the end of
  the baseline year, or else the first figure) to the due value on the due date; a figure that
  adds up within the year starts from zero on 1 January and is judged year by year.
- A target with a yearly path ("nâng dần qua từng năm", seed 002 §III.3; "đánh giá theo từng
  năm", seed 004 §I.2) is judged, each year before its due one, against that year's level
  (`Goal.for_year`; a year left blank lies on the line between its neighbours, `year_level`),
  and its path runs through each year's level.
- A change ("tăng 8 bậc", "giảm 10% thời gian") counts from the baseline, or from the first
  figure when the plan gives none; in % of a figure that is not a share, it is relative.
- The figures judged: those of the last `RECENT_PERIODS` periods begun by the day judged (the
  due day, once past), with the first figure ever reported as the start of the path and the
  baseline of a change (`target_status(first=...)`). A figure older than that window is no
  verdict: a stock reported two years ago and not since is "chưa có số liệu", never "đạt".
- The status (`target_status`): đạt when the current value meets the target; không đạt when
  the due date has passed without it (judged on the figures up to that date); otherwise đúng
  tiến độ or có nguy cơ không đạt by the trend (a straight line through the recent figures,
  projected to the due date) or, with too few figures for a trend, by the path; chưa có số liệu
  when there is nothing to judge.
"""

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from indicators.models import LEVEL, YEAR_SUM, Indicator
from plans.models import Comparator

HUNDRED = Decimal(100)
TREND_POINTS = 6  # recent figures the trend line goes through
MIN_TREND_POINTS = 3
# The periods a verdict reads: enough for the trend and for the year so far, in January still
# December's; the heat map, the overview, the target page and evaluation all judge on these.
RECENT_PERIODS = 13


class Status:
    MET = "met"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NO_DATA = "no_data"

    LABELS = {
        "met": _("Đạt"),
        "on_track": _("Đúng tiến độ"),
        "at_risk": _("Có nguy cơ không đạt"),
        "missed": _("Không đạt"),
        "no_data": _("Chưa có số liệu"),
    }
    # The overview lists the at-risk targets first.
    ORDER = {"at_risk": 0, "missed": 1, "on_track": 2, "no_data": 3, "met": 4}
    # The badges' colours (static/css/app.css .badge-*, white text at 4.5:1 or more, #17), so that
    # a slice of a chart and the badge of the same status are one colour; a test compares them.
    COLORS = {
        "met": "#146c43",
        "on_track": "#0d6efd",
        "at_risk": "#a85400",
        "missed": "#b02a37",
        "no_data": "#6c757d",
    }


@dataclass(frozen=True)
class Figure:
    """One period's roll-up of one indicator for one unit."""

    period_end: datetime.date
    value_sum: Decimal
    numerator_sum: Decimal
    denominator_sum: Decimal
    count: int

    def __add__(self, other: "Figure") -> "Figure":
        return Figure(
            period_end=max(self.period_end, other.period_end),
            value_sum=self.value_sum + other.value_sum,
            numerator_sum=self.numerator_sum + other.numerator_sum,
            denominator_sum=self.denominator_sum + other.denominator_sum,
            count=self.count + other.count,
        )


def value_of(kind: str, figure: Figure | None) -> Decimal | None:
    """The number a roll-up stands for (a ratio and yes/no in %)."""
    if figure is None or figure.count <= 0:
        return None
    if kind == Indicator.Kind.RATIO:
        if not figure.denominator_sum:
            return None
        return figure.numerator_sum * HUNDRED / figure.denominator_sum
    if kind == Indicator.Kind.BOOLEAN:
        return figure.value_sum * HUNDRED / figure.count
    if kind == Indicator.Kind.RANK:
        return figure.value_sum / figure.count
    if kind == Indicator.Kind.TEXT:
        return None
    return figure.value_sum


def _year_to_date(figures: list[Figure], year: int) -> Figure | None:
    total = None
    for figure in figures:
        if figure.period_end.year == year and figure.count > 0:
            total = figure if total is None else total + figure
    return total


def latest_representative(figures: list[Figure]) -> Figure | None:
    """The latest figure that covers at least half as many reports as the best-covered one.

    While a month is being reported, its first accepted reports would make a stock such as
    the share of residents with VNeID look like one commune's; the month counts once half of
    the units have reported, and last month's figure stands until then."""
    known = [f for f in figures if f.count > 0]
    if not known:
        return None
    enough = max(f.count for f in known[-TREND_POINTS * 2 :]) / 2
    return next(f for f in reversed(known) if f.count >= enough)


def current_value(
    indicator: Indicator, figures: list[Figure], as_of: datetime.date | None = None
) -> tuple[Decimal | None, datetime.date | None]:
    """(value, end of the latest period it uses). `figures` are those of periods begun by the
    day asked, sorted by period end (a month being reported counts as it comes in)."""
    known = [f for f in figures if f.count > 0]
    if not known:
        return None, None
    if indicator.accumulation != LEVEL:
        year = known[-1].period_end.year
        total = _year_to_date(known, year)
        return value_of(indicator.kind, total), known[-1].period_end
    latest = latest_representative(known)
    return value_of(indicator.kind, latest), latest.period_end


def adds_up(indicator: Indicator) -> bool:
    """A count or amount summed over the year (dossiers, initiatives): it starts again from zero
    each January. A cumulative ratio is a share of the year's sums: a level, not a pile."""
    return indicator.accumulation == YEAR_SUM


def series(indicator: Indicator, figures: list[Figure]) -> list[tuple[datetime.date, Decimal]]:
    """The value after each period: the period's own for a stock, the year so far for a flow."""
    points = []
    running: Figure | None = None
    for figure in figures:
        if figure.count <= 0:
            continue
        if indicator.accumulation != LEVEL:
            if running is None or running.period_end.year != figure.period_end.year:
                running = figure
            else:
                running = running + figure
            value = value_of(indicator.kind, running)
        else:
            value = value_of(indicator.kind, figure)
        if value is not None:
            points.append((figure.period_end, value))
    return points


# --- Targets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    """What a target asks for, as the status rules need it."""

    comparator: str
    value: Decimal
    value_max: Decimal | None = None
    due: datetime.date | None = None
    yearly: bool = False  # "hằng năm": due every 31 December
    baseline_value: Decimal | None = None
    baseline_date: datetime.date | None = None
    # "Giảm 10% thời gian giải quyết": a change in % of a figure that is not itself a share is
    # a change relative to the baseline (20 days -> 18), not ten points.
    relative: bool = False
    # "Nâng dần qua từng năm": the level of each year before the due one, ((2027, 70), ...).
    yearly_path: tuple[tuple[int, Decimal], ...] = ()

    @classmethod
    def of(cls, target, value: Decimal | None = None, plan_end_year: int | None = None) -> "Goal":
        """The goal of a plans.Target, with the unit's registered level when given.

        A target without a due date or year is yearly when its text says so ("hằng năm",
        "mỗi năm"); otherwise it is due when the plan's movement ends (seed 004: 2026–2030)."""
        due = target.due_date
        if due is None and target.due_year:
            due = datetime.date(target.due_year, 12, 31)
        if due is None and plan_end_year and not says_yearly(target.text):
            due = datetime.date(plan_end_year, 12, 31)
        baseline_date = None
        if target.baseline_year:
            baseline_date = datetime.date(target.baseline_year, 12, 31)
        indicator = target.indicator if target.indicator_id else None
        share = indicator is not None and indicator.reads_as_percent
        return cls(
            comparator=target.comparator,
            value=value if value is not None else target.value,
            value_max=target.value_max,
            due=due,
            yearly=due is None,
            baseline_value=target.baseline_value,
            baseline_date=baseline_date,
            relative=(
                target.comparator in (Comparator.INCREASE, Comparator.DECREASE)
                and (target.unit or "").strip() == "%"
                and not share
            ),
            yearly_path=tuple(sorted(target.yearly_path().items())),
        )

    def for_year(self, year: int, *, rank: bool) -> "Goal | None":
        """The goal of one year of a yearly path: that year's level by 31 December, counted
        from the level of the year before; None in the due year and after (the target's own
        goal) or when the path cannot be drawn."""
        if not self.yearly_path or self.due is None or year >= self.due.year:
            return None
        level = year_level(self, year, rank=rank)
        if level is None:
            return None
        before = year_level(self, year - 1, rank=rank)
        comparator = self.comparator
        if comparator in (Comparator.INCREASE, Comparator.DECREASE):
            # A change becomes the level it must have reached by then.
            better_low = rank if comparator == Comparator.INCREASE else not rank
            comparator = Comparator.LTE if better_low else Comparator.GTE
        elif comparator == Comparator.RANGE:
            comparator = Comparator.GTE
        return Goal(
            comparator=comparator,
            value=level,
            due=datetime.date(year, 12, 31),
            baseline_value=before,
            baseline_date=datetime.date(year - 1, 12, 31) if before is not None else None,
        )

    @property
    def is_change(self) -> bool:
        return self.comparator in (Comparator.INCREASE, Comparator.DECREASE)

    def due_on(self, as_of: datetime.date) -> datetime.date:
        return self.due or datetime.date(as_of.year, 12, 31)

    @property
    def lower_is_better(self) -> bool:
        return self.comparator in (
            Comparator.LTE,
            Comparator.LT,
            Comparator.TOP,
            Comparator.DECREASE,
        )


YEARLY_WORDS = ("hang nam", "moi nam", "hang nam,", "tung nam")


def says_yearly(text: str) -> bool:
    from core.text import fold

    folded = fold(text)
    return any(word in folded for word in YEARLY_WORDS)


def meets(goal: Goal, value: Decimal | None, *, rank: bool = False) -> bool | None:
    """Whether `value` meets the goal; None when it cannot be told (a change with no baseline)."""
    if value is None:
        return None
    target, comparator = goal.value, goal.comparator
    # A range ("đạt 80 - 90%") is a floor with an aim: beyond its upper end is still met.
    if comparator in (Comparator.GTE, Comparator.RANGE):
        return value >= target
    if comparator == Comparator.GT:
        return value > target
    if comparator == Comparator.EQ:
        return abs(value - target) < Decimal("0.0001")
    if comparator == Comparator.LTE:
        return value <= target
    if comparator == Comparator.LT:
        return value < target
    if comparator == Comparator.TOP:
        return value <= target
    if comparator in (Comparator.INCREASE, Comparator.DECREASE):
        return _change_met(goal, value, rank=rank)
    return None


def _change_met(goal: Goal, value: Decimal, *, rank: bool) -> bool | None:
    """A rise or a fall of at least the goal's value (in points, or in % of the baseline when
    `relative`) since the baseline; None without a baseline to count from."""
    if goal.baseline_value is None:
        return None
    gain = value - goal.baseline_value
    # A rank "rises" when its number falls (seed 004: tăng tối thiểu 08 bậc).
    if rank:
        gain = -gain
    if goal.comparator == Comparator.DECREASE:
        gain = -gain
    if goal.relative:
        if not goal.baseline_value:
            return None
        gain = gain * HUNDRED / abs(goal.baseline_value)
    return gain >= goal.value


def path_points(goal: Goal, *, rank: bool) -> list[tuple[datetime.date, Decimal]]:
    """The corners of a yearly path: the baseline, each year's level on 31 December, the due
    value on the due date."""
    points = []
    if goal.baseline_value is not None and goal.baseline_date is not None:
        points.append((goal.baseline_date, goal.baseline_value))
    points += [(datetime.date(year, 12, 31), level) for year, level in goal.yearly_path]
    end = end_value(goal, rank=rank)
    if end is not None and goal.due is not None:
        points.append((goal.due, end))
    return sorted(points)


def _on_line(points: list[tuple[datetime.date, Decimal]], day: datetime.date) -> Decimal | None:
    if not points:
        return None
    if day <= points[0][0]:
        return points[0][1]
    for (start, low), (end, high) in zip(points, points[1:], strict=False):
        if start <= day <= end:
            if end == start:
                return high
            return low + (high - low) * Decimal((day - start).days) / Decimal((end - start).days)
    return points[-1][1]


def year_level(goal: Goal, year: int, *, rank: bool) -> Decimal | None:
    """The level of `year` on the yearly path: the one entered, or on the straight line
    between the entered ones (a year left blank); the baseline itself for its own year."""
    given = dict(goal.yearly_path)
    if year in given:
        return given[year]
    # By whole years: a leap year does not tilt a yearly level.
    points = [(day.year, value) for day, value in path_points(goal, rank=rank)]
    if not points or year < points[0][0]:
        return None
    for (start, low), (end, high) in zip(points, points[1:], strict=False):
        if start <= year <= end:
            return high if end == start else low + (high - low) * (year - start) / (end - start)
    return points[-1][1]


def end_value(goal: Goal, *, rank: bool) -> Decimal | None:
    """The level the path ends at, in the indicator's own terms."""
    if goal.comparator in (Comparator.INCREASE, Comparator.DECREASE):
        if goal.baseline_value is None:
            return None
        step = goal.value if goal.comparator == Comparator.INCREASE else -goal.value
        if goal.relative:
            step = abs(goal.baseline_value) * step / HUNDRED
        return goal.baseline_value - step if rank else goal.baseline_value + step
    return goal.value


def path_value(
    goal: Goal,
    day: datetime.date,
    *,
    first: tuple[datetime.date, Decimal] | None = None,
    flow: bool = False,
    rank: bool = False,
) -> Decimal | None:
    """Where the value should be on `day` to reach the due value on time, in a straight line.

    A flow (a count that adds up within the year) starts from zero on 1 January; other paths
    start at the baseline, or at the first figure when the plan gave no baseline."""
    end = end_value(goal, rank=rank)
    if end is None:
        return None
    due = goal.due_on(day)
    if goal.yearly_path and not flow:
        # Through each year's level, not straight to the due value.
        return _on_line(path_points(goal, rank=rank), day)
    if flow:
        # Its figure is the year so far: the path starts from zero on 1 January and reaches
        # the due value by the end of the year (or by the due date, if that comes first).
        start = (datetime.date(day.year, 1, 1), Decimal(0))
        due = min(due, datetime.date(day.year, 12, 31))
    elif goal.baseline_value is not None and goal.baseline_date is not None:
        start = (goal.baseline_date, goal.baseline_value)
    elif first is not None:
        start = first
    else:
        return None
    start_day, start_value = start
    if day >= due:
        return end
    if day <= start_day or due <= start_day:
        return start_value
    share = Decimal((day - start_day).days) / Decimal((due - start_day).days)
    return start_value + (end - start_value) * share


def trend_projection(
    points: list[tuple[datetime.date, Decimal]], day: datetime.date
) -> Decimal | None:
    """The least-squares line through the recent points, read on `day`."""
    recent = points[-TREND_POINTS:]
    if len(recent) < MIN_TREND_POINTS:
        return None
    origin = recent[0][0]
    xs = [Decimal((d - origin).days) for d, _ in recent]
    ys = [v for _, v in recent]
    n = Decimal(len(recent))
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    if not spread:
        return mean_y
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return mean_y + slope * (Decimal((day - origin).days) - mean_x)


@dataclass
class Verdict:
    status: str
    current: Decimal | None = None
    as_of_period: datetime.date | None = None
    path: Decimal | None = None
    projected: Decimal | None = None
    points: list[tuple[datetime.date, Decimal]] = field(default_factory=list)
    goal: "Goal | None" = None  # as judged: with the baseline taken from the figures, if any
    # Where the path starts when the plan gives no baseline: the first figure ever reported (a
    # figure that adds up: the first of its year).
    start: tuple[datetime.date, Decimal] | None = None
    year_goal: "Goal | None" = None  # the year's level it was judged on, on a yearly path

    @property
    def label(self) -> str:
        return Status.LABELS[self.status]


def _with_first_baseline(
    goal: Goal, first: tuple[datetime.date, Decimal] | None, *, flow: bool
) -> Goal:
    """A change with no baseline in the plan is counted from the first figure reported (of a
    level: a figure that adds up starts again each year)."""
    if goal.is_change and goal.baseline_value is None and not flow and first is not None:
        return replace(goal, baseline_value=first[1], baseline_date=first[0])
    return goal


def first_point(
    indicator: Indicator, figure: Figure | None
) -> tuple[datetime.date, Decimal] | None:
    """The point the first figure ever reported stands for (it opens its year, so a figure that
    adds up is its own value too)."""
    value = value_of(indicator.kind, figure)
    return None if value is None else (figure.period_end, value)


def target_status(
    indicator: Indicator,
    goal: Goal,
    figures: list[Figure],
    as_of: datetime.date,
    *,
    first: tuple[datetime.date, Decimal] | None = None,
) -> Verdict:
    """The status of one target for one unit as of a day, from the roll-up figures of the
    periods begun by that day. `first` is the first figure the unit ever reported, when
    `figures` are only the recent ones: the baseline of a change and the start of the path;
    without it, the first of `figures`."""
    rank = indicator.counts_places
    flow = indicator.accumulation != LEVEL
    this_year = goal.for_year(as_of.year, rank=rank)
    if this_year is not None:
        # Seed 004 §I.2 "đánh giá theo từng năm": before the due year, a target with a yearly
        # path is judged on this year's level.
        verdict = target_status(indicator, this_year, figures, as_of, first=first)
        verdict.year_goal, verdict.goal = this_year, goal  # the trend draws the whole path
        return verdict
    if goal.due is not None and as_of > goal.due:
        # Past its due date a target is judged on the figures up to that date, for good:
        # what came later neither saves nor spoils it.
        figures = [f for f in figures if f.period_end <= goal.due]
    current, last = current_value(indicator, figures)
    points = series(indicator, figures)
    if not flow and last is not None:
        points = [p for p in points if p[0] <= last]  # a half-reported month is no trend point
    if current is None:
        return Verdict(Status.NO_DATA, points=points)
    start = first if first is not None else (points[0] if points else None)
    goal = _with_first_baseline(goal, start, flow=flow)
    pile = adds_up(indicator)
    if pile or (flow and goal.yearly):
        # A figure that adds up within a year starts again in January: its trend, its path and
        # its pace are those of the year so far, whatever year the target is due.
        points = [p for p in points if p[0].year == last.year]
        start = points[0] if points else None
    path = path_value(goal, last, first=start, flow=pile, rank=rank)
    verdict = Verdict(
        Status.ON_TRACK,
        current=current,
        as_of_period=last,
        path=path,
        points=points,
        goal=goal,
        start=start,
    )
    met = meets(goal, current, rank=rank)
    if met is None:
        verdict.status = Status.NO_DATA
        return verdict
    due = goal.due_on(last)
    if flow and goal.comparator in (Comparator.LTE, Comparator.LT):
        return _capped_flow(verdict, indicator, goal, met, last, due, as_of)
    if met:
        verdict.status = Status.MET
        return verdict
    if as_of > due:
        verdict.status = Status.MISSED
        return verdict
    return _on_pace(verdict, indicator, goal, due, pile=pile, rank=rank)


def _on_pace(verdict: Verdict, indicator, goal: Goal, due, *, pile: bool, rank: bool) -> Verdict:
    """A target not met yet and not yet due: on track when the figure's projection to the due
    day meets the goal, or, with no projection, when the figure is on the path's side."""
    current, last, points, path = (
        verdict.current,
        verdict.as_of_period,
        verdict.points,
        verdict.path,
    )
    # A pile is projected to the end of its year, the span its figure covers.
    horizon = min(due, datetime.date(last.year, 12, 31)) if pile else due
    if pile:
        verdict.projected = _run_rate(current, last, horizon)
    else:
        verdict.projected = trend_projection(points, horizon)
    if verdict.projected is not None and indicator.reads_as_percent:
        # A share cannot be projected beyond 0-100 %.
        verdict.projected = min(HUNDRED, max(Decimal(0), verdict.projected))
    if verdict.projected is not None:
        reaches = meets(goal, verdict.projected, rank=rank)
        verdict.status = Status.ON_TRACK if reaches else Status.AT_RISK
    elif path is not None:
        ahead = (
            current <= path
            if goal.lower_is_better or indicator.lower_is_better
            else current >= path
        )
        verdict.status = Status.ON_TRACK if ahead else Status.AT_RISK
    return verdict


def _run_rate(current: Decimal, last: datetime.date, due: datetime.date) -> Decimal:
    """A count that adds up within the year: the pace so far, carried to the due day."""
    year_start = datetime.date(last.year, 1, 1)
    elapsed = Decimal((last - year_start).days + 1)
    return current * Decimal((due - year_start).days + 1) / elapsed


def _capped_flow(verdict, indicator, goal, met, last, due, as_of) -> Verdict:
    """A cap on a figure that adds up ("không quá 5 sự cố mỗi năm"): once over, it is missed
    for good; under it, it is only met when the period is over."""
    if not met:
        verdict.status = Status.MISSED
    elif as_of > due:
        verdict.status = Status.MET
    else:
        if indicator.is_quantity:
            verdict.projected = _run_rate(verdict.current, last, due)
        reaches = verdict.projected is None or meets(goal, verdict.projected)
        verdict.status = Status.ON_TRACK if reaches else Status.AT_RISK
    return verdict
