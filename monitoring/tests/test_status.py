"""The status rules, one case each (no database: plain data in, a verdict out)."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest

from indicators.models import Indicator
from monitoring.status import (
    Figure,
    Goal,
    Status,
    current_value,
    end_value,
    first_point,
    latest_representative,
    meets,
    path_points,
    path_value,
    series,
    target_status,
    trend_projection,
    value_of,
    year_level,
)

D = Decimal


def month_end(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def ratio(month, numerator, denominator, count=1, year=2026):
    return Figure(month_end(year, month), D(0), D(numerator), D(denominator), count)


def number(month, value, count=1, year=2026):
    return Figure(month_end(year, month), D(value), D(0), D(0), count)


RATIO = Indicator(kind="ratio", temporal="latest")
FLOW_RATIO = Indicator(kind="ratio", temporal="cumulative")
FLOW_COUNT = Indicator(kind="count", temporal="cumulative")
STOCK_COUNT = Indicator(kind="count", temporal="latest")
RANK = Indicator(kind="rank", temporal="latest", direction="lower")
YES_NO = Indicator(kind="boolean", temporal="latest")
DUE_2030 = datetime.date(2030, 12, 31)
FLOW_RANK = Indicator(kind="rank", temporal="cumulative")  # marked cumulative by mistake


class TestAggregation:
    def test_a_ratio_is_the_ratio_of_the_sums_never_an_average_of_percentages(self):
        # Two communes: 9/10 (90 %) and 10/100 (10 %): the average of % would say 50 %.
        province = ratio(11, 9, 10) + ratio(11, 10, 100)
        assert value_of("ratio", province) == D(19) * 100 / D(110)

    def test_counts_add_up_and_yes_no_is_the_share_of_yes(self):
        assert value_of("count", number(11, 3) + number(11, 4)) == 7
        assert value_of("boolean", Figure(month_end(2026, 11), D(3), D(0), D(0), 4)) == 75

    def test_a_rank_is_the_units_own_figure(self):
        assert value_of("rank", number(11, 17)) == 17

    def test_nothing_reported_is_no_value(self):
        assert value_of("ratio", ratio(11, 0, 0, count=0)) is None
        assert value_of("ratio", None) is None


class TestCurrentValue:
    def test_a_stock_is_read_at_the_latest_period_with_data(self):
        figures = [ratio(9, 50, 100), ratio(10, 60, 100), ratio(11, 0, 0, count=0)]
        value, day = current_value(RATIO, figures, datetime.date(2026, 11, 30))
        assert (value, day) == (60, month_end(2026, 10))

    def test_a_flow_adds_up_the_year_so_far(self):
        figures = [ratio(12, 1, 1, year=2025), ratio(1, 30, 100), ratio(2, 90, 100)]
        value, _ = current_value(FLOW_RATIO, figures, datetime.date(2026, 2, 28))
        assert value == 60  # (30 + 90) / (100 + 100): last year's December left out

    def test_a_month_half_reported_does_not_replace_the_last_full_one(self):
        # 18 units reported October; 2 have been accepted in November so far.
        figures = [ratio(10, 1080, 1800, count=18), ratio(11, 190, 200, count=2)]
        assert current_value(RATIO, figures) == (60, month_end(2026, 10))
        figures[-1] = ratio(11, 1710, 1800, count=10)
        assert current_value(RATIO, figures) == (95, month_end(2026, 11))


class TestMeets:
    @pytest.mark.parametrize(
        "comparator, target, value, expected",
        [
            (">=", 90, 90, True),
            (">=", 90, D("89.9"), False),
            (">", 70, 70, False),
            ("<=", 5, 4, True),
            ("range", 80, 85, True),
            ("range", 80, 79, False),
            ("top", 15, 12, True),
            ("top", 15, 16, False),
        ],
    )
    def test_comparators(self, comparator, target, value, expected):
        assert meets(Goal(comparator, D(target)), D(value)) is expected

    def test_a_rank_rises_when_its_number_falls(self):
        # Seed 004: "tăng tối thiểu 08 bậc so với thứ hạng năm 2025" (rank 40 in 2025).
        goal = Goal("increase", D(8), baseline_value=D(40))
        assert meets(goal, D(32), rank=True) is True
        assert meets(goal, D(35), rank=True) is False

    def test_a_change_without_baseline_cannot_be_judged(self):
        assert meets(Goal("increase", D(8)), D(32), rank=True) is None


class TestPath:
    goal = Goal(
        ">=",
        D(90),
        due=datetime.date(2030, 12, 31),
        baseline_value=D(50),
        baseline_date=datetime.date(2025, 12, 31),
    )

    def test_a_straight_line_from_the_baseline_to_the_due_value(self):
        halfway = datetime.date(2028, 7, 1)
        value = path_value(self.goal, halfway)
        assert D(69) < value < D(71)
        assert path_value(self.goal, datetime.date(2031, 3, 1)) == 90
        assert path_value(self.goal, datetime.date(2025, 6, 1)) == 50

    def test_without_a_baseline_the_first_figure_starts_the_path(self):
        goal = Goal(">=", D(90), due=datetime.date(2030, 12, 31))
        first = (datetime.date(2026, 1, 31), D(60))
        assert path_value(goal, datetime.date(2026, 1, 31), first=first) == 60
        assert path_value(goal, datetime.date(2026, 1, 31)) is None

    def test_a_yearly_count_starts_from_zero_each_january(self):
        goal = Goal(">=", D(12), yearly=True)
        assert path_value(goal, datetime.date(2026, 7, 2), flow=True) == pytest.approx(
            D(6), abs=D("0.1")
        )


class TestTrend:
    def test_a_straight_line_through_recent_points(self):
        points = [(month_end(2026, m), D(10 * m)) for m in range(1, 7)]
        projected = trend_projection(points, month_end(2026, 12))
        assert D(118) < projected < D(122)

    def test_too_few_points_make_no_trend(self):
        assert trend_projection([(month_end(2026, 1), D(1))] * 2, month_end(2026, 12)) is None


class TestTargetStatus:
    due = datetime.date(2030, 12, 31)

    def goal(self, value=90, **kw):
        return Goal(">=", D(value), due=kw.pop("due", self.due), **kw)

    def test_no_figure_is_no_data(self):
        verdict = target_status(RATIO, self.goal(), [], datetime.date(2026, 11, 30))
        assert verdict.status == Status.NO_DATA and verdict.label == "Chưa có số liệu"

    def test_a_value_meeting_the_target_is_met(self):
        verdict = target_status(RATIO, self.goal(), [ratio(11, 95, 100)], month_end(2026, 11))
        assert verdict.status == Status.MET

    def test_a_rising_trend_that_reaches_the_due_value_is_on_track(self):
        figures = [ratio(m, 60 + m, 100) for m in range(1, 12)]
        verdict = target_status(RATIO, self.goal(), figures, month_end(2026, 11))
        assert verdict.status == Status.ON_TRACK
        assert verdict.projected > 90

    def test_a_flat_trend_below_the_due_value_is_at_risk(self):
        figures = [ratio(m, 60, 100) for m in range(1, 12)]
        verdict = target_status(RATIO, self.goal(), figures, month_end(2026, 11))
        assert verdict.status == Status.AT_RISK

    def test_past_the_due_date_without_reaching_it_is_missed(self):
        figures = [ratio(m, 80, 100) for m in range(1, 12)]
        goal = self.goal(due=datetime.date(2026, 6, 30))
        verdict = target_status(RATIO, goal, figures, month_end(2026, 11))
        assert verdict.status == Status.MISSED

    def test_with_one_figure_the_path_decides(self):
        goal = self.goal(baseline_value=D(50), baseline_date=datetime.date(2025, 12, 31))
        ahead = target_status(RATIO, goal, [ratio(11, 60, 100)], month_end(2026, 11))
        behind = target_status(RATIO, goal, [ratio(11, 52, 100)], month_end(2026, 11))
        assert (ahead.status, behind.status) == (Status.ON_TRACK, Status.AT_RISK)

    def test_below_the_path_is_ahead_when_the_indicator_says_lower_is_better(self):
        # "Tỷ lệ hồ sơ trễ hạn" (direction: lower is better) with a target that only says "= 2 %":
        # from 10 % at the end of 2025, 2.5 % in November is ahead of the path (about 2.7 %).
        late = Indicator(kind="ratio", temporal="latest", direction="lower")
        goal = Goal(
            "=",
            D(2),
            due=datetime.date(2026, 12, 31),
            baseline_value=D(10),
            baseline_date=datetime.date(2025, 12, 31),
        )
        ahead = target_status(late, goal, [ratio(11, 5, 200)], month_end(2026, 11))
        behind = target_status(late, goal, [ratio(11, 9, 100)], month_end(2026, 11))
        assert (ahead.status, behind.status) == (Status.ON_TRACK, Status.AT_RISK)

    def test_a_yearly_count_is_judged_by_its_run_rate(self):
        # Seed 004: at least 01 model a year per unit.
        goal = Goal(">=", D(12), yearly=True)
        slow = [number(m, 0 if m % 2 else 1) for m in range(1, 7)]  # 3 by June -> 6 a year
        fast = [number(m, 1) for m in range(1, 7)]  # 6 by June -> 12 a year
        assert target_status(FLOW_COUNT, goal, slow, month_end(2026, 6)).status == Status.AT_RISK
        assert target_status(FLOW_COUNT, goal, fast, month_end(2026, 6)).status == (Status.ON_TRACK)
        done = [number(m, 3) for m in range(1, 5)]
        assert target_status(FLOW_COUNT, goal, done, month_end(2026, 4)).status == Status.MET

    def test_a_rank_target_is_judged_with_lower_is_better(self):
        goal = Goal("top", D(15), due=self.due)
        improving = [number(m, 40 - 2 * m) for m in range(1, 7)]
        assert target_status(RANK, goal, improving, month_end(2026, 6)).status == (Status.ON_TRACK)
        assert target_status(RANK, goal, [number(6, 12)], month_end(2026, 6)).status == (Status.MET)


class TestEdges:
    def test_a_yearly_cap_is_not_met_before_the_year_ends_and_missed_once_exceeded(self):
        goal = Goal("<=", D(5), yearly=True)  # không quá 5 sự cố mỗi năm
        calm = [number(1, 0), number(2, 1)]  # 1 by the end of February: 6 a year
        assert target_status(FLOW_COUNT, goal, calm, month_end(2026, 2)).status == (Status.AT_RISK)
        quiet = [number(m, 0) for m in range(1, 7)] + [number(7, 2)]  # 2 by July
        assert target_status(FLOW_COUNT, goal, quiet, month_end(2026, 7)).status == (
            Status.ON_TRACK
        )
        busy = [number(1, 3), number(2, 4)]
        assert target_status(FLOW_COUNT, goal, busy, month_end(2026, 2)).status == Status.MISSED
        fast = [number(m, 1) for m in range(1, 4)]  # 3 by March -> 12 a year
        assert target_status(FLOW_COUNT, goal, fast, month_end(2026, 3)).status == (Status.AT_RISK)
        year = [number(m, 0) for m in range(1, 13)]
        assert target_status(FLOW_COUNT, goal, year, datetime.date(2027, 1, 10)).status == (
            Status.MET
        )

    def test_a_target_without_a_year_is_due_when_the_movement_ends_unless_it_says_yearly(self):
        from plans.models import Target

        stock = Target(text="phấn đấu ≥ 90% người dân có tài khoản định danh", comparator=">=")
        stock.value = D(90)
        goal = Goal.of(stock, plan_end_year=2030)
        assert (goal.due, goal.yearly) == (datetime.date(2030, 12, 31), False)
        yearly = Target(text="Hằng năm, mỗi sở có ít nhất 01 mô hình", comparator=">=")
        yearly.value = D(1)
        assert Goal.of(yearly, plan_end_year=2030).yearly is True
        assert Goal.of(stock).yearly is True  # no movement: judged each year


class TestDueDatesRangesAndChanges:
    def test_past_its_due_date_a_target_is_judged_on_the_figures_up_to_that_date(self):
        due = datetime.date(2026, 6, 30)
        goal = Goal(">=", D(90), due=due)
        late_climb = [ratio(m, 80 if m <= 6 else 95, 100) for m in range(1, 12)]
        early_peak = [ratio(m, 95 if m <= 6 else 60, 100) for m in range(1, 12)]
        missed = target_status(RATIO, goal, late_climb, month_end(2026, 11))
        met = target_status(RATIO, goal, early_peak, month_end(2026, 11))
        assert (missed.status, missed.current, missed.as_of_period) == (Status.MISSED, 80, due)
        assert (met.status, met.current) == (Status.MET, 95)
        before_due = target_status(RATIO, goal, late_climb[:5], month_end(2026, 5))
        assert before_due.status == Status.AT_RISK

    def test_a_range_is_met_from_its_lower_end_and_beyond_its_upper_end(self):
        goal = Goal("range", D(80), value_max=D(90), due=datetime.date(2030, 12, 31))
        assert [meets(goal, D(v)) for v in (79, 80, 85, 97)] == [False, True, True, True]

    def test_a_count_adding_up_each_year_is_judged_on_the_years_pace_whatever_its_due_year(self):
        goal = Goal(">=", D(100), due=datetime.date(2030, 12, 31))
        last_year = [number(m, 30, year=2025) for m in range(1, 13)]
        brisk = last_year + [number(m, 9) for m in range(1, 12)]  # 99 by November: 108 a year
        slow = last_year + [number(m, 5) for m in range(1, 12)]  # 60 a year
        on_track = target_status(FLOW_COUNT, goal, brisk, month_end(2026, 11))
        at_risk = target_status(FLOW_COUNT, goal, slow, month_end(2026, 11))
        assert (on_track.status, on_track.current) == (Status.ON_TRACK, 99)
        assert D(107) < on_track.projected < D(109)
        assert at_risk.status == Status.AT_RISK
        assert all(day.year == 2026 for day, _value in on_track.points)  # no January cliff
        assert path_value(goal, month_end(2026, 6), flow=True) == D(100) * 180 / 364

    def test_a_change_in_percent_of_a_figure_that_is_not_a_share_is_relative(self):
        from plans.models import Target

        days = Indicator(pk=1, kind="amount", temporal="latest")
        target = Target(text="Giảm 10% thời gian giải quyết", comparator="decrease", unit="%")
        target.value, target.baseline_value, target.baseline_year = D(10), D(20), 2025
        target.indicator = days
        goal = Goal.of(target, plan_end_year=2030)
        assert goal.relative
        assert [meets(goal, D(v)) for v in (19, "18.1", 18, 15)] == [False, False, True, True]
        target.indicator = Indicator(pk=2, kind="ratio", temporal="latest")
        points = Goal.of(target, plan_end_year=2030)  # a share: ten points, not ten per cent
        assert not points.relative and meets(points, D(10)) and not meets(points, D(11))

    def test_a_change_without_a_baseline_counts_from_the_first_figure(self):
        days = Indicator(kind="amount", temporal="latest")
        goal = Goal("decrease", D(10), due=datetime.date(2030, 12, 31), relative=True)
        figures = [number(1, 20), number(2, 19), number(3, 18)]
        verdict = target_status(days, goal, figures, month_end(2026, 3))
        assert verdict.status == Status.MET  # 20 -> 18 is the 10 % cut
        assert verdict.goal.baseline_value == 20  # the trend chart draws its path from there
        verdict = target_status(days, goal, figures[:2], month_end(2026, 2))
        assert verdict.status != Status.NO_DATA and verdict.current == 19

    def test_a_share_of_the_years_sums_is_a_level_its_path_does_not_restart_in_january(self):
        goal = Goal(
            ">=",
            D(90),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(50),
            baseline_date=datetime.date(2025, 12, 31),
        )
        figures = [ratio(m, 60, 100) for m in range(1, 12)]
        verdict = target_status(FLOW_RATIO, goal, figures, month_end(2026, 11))
        assert D(57) < verdict.path < D(58)  # 50 -> 90 over five years, not 0 -> 90 this year
        assert verdict.status == Status.AT_RISK  # flat at 60 %: the trend never reaches 90 %


class TestYearlyPath:
    """Seed 002 §III.3 "nâng dần qua từng năm", seed 004 §I.2 "đánh giá theo từng năm"."""

    GOAL = Goal(
        comparator=">=",
        value=D(90),
        due=datetime.date(2030, 12, 31),
        baseline_value=D(50),
        baseline_date=datetime.date(2025, 12, 31),
        yearly_path=((2026, D(70)), (2028, D(80))),
    )

    def test_a_year_is_judged_on_its_own_level_of_the_path(self):
        # 72 % in December 2026: short of 90 % by 2030, but above 2026's level of 70 %.
        figures = [ratio(m, 60 + m, 100) for m in range(1, 13)]
        verdict = target_status(RATIO, self.GOAL, figures, datetime.date(2026, 12, 31))
        assert verdict.status == Status.MET
        assert verdict.year_goal.value == 70
        assert verdict.path == 70

    def test_each_year_is_judged_on_its_own_level_as_the_years_go_by(self):
        figures = [ratio(m, 55, 100) for m in range(1, 13)]
        verdict = target_status(RATIO, self.GOAL, figures, datetime.date(2027, 1, 10))
        # 2027 is judged on its level (75: halfway from 70 in 2026 to 80 in 2028).
        assert verdict.year_goal.value == 75
        assert verdict.status in (Status.AT_RISK, Status.MISSED)
        verdict_2026 = target_status(RATIO, self.GOAL, figures, datetime.date(2026, 12, 31))
        assert verdict_2026.status == Status.AT_RISK  # 55 < 70 with the year ending

    def test_a_year_left_blank_lies_on_the_line_between_its_neighbours(self):
        from monitoring.status import year_level

        assert year_level(self.GOAL, 2027, rank=False) == 75
        assert year_level(self.GOAL, 2029, rank=False) == 85

    def test_the_due_year_is_judged_on_the_targets_own_value(self):
        figures = [ratio(m, 85, 100, year=2030) for m in range(1, 13)]
        verdict = target_status(RATIO, self.GOAL, figures, datetime.date(2030, 12, 31))
        assert verdict.year_goal is None and verdict.status != Status.MET

    def test_the_path_runs_through_each_years_level(self):
        assert path_value(self.GOAL, datetime.date(2026, 12, 31)) == 70
        assert path_value(self.GOAL, datetime.date(2028, 12, 31)) == 80
        without = Goal(**{**self.GOAL.__dict__, "yearly_path": ()})
        assert path_value(without, datetime.date(2026, 12, 31)) == pytest.approx(
            D(58), abs=D("0.01")
        )

    def test_a_rank_that_rises_by_places_is_judged_on_the_years_rank(self):
        # PII rank 40 in 2025, "tăng tối thiểu 08 bậc" by 2030; 2026's level is rank 38.
        goal = Goal(
            comparator="increase",
            value=D(8),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(40),
            baseline_date=datetime.date(2025, 12, 31),
            yearly_path=((2026, D(38)),),
        )
        met = target_status(RANK, goal, [number(12, 37)], datetime.date(2026, 12, 31))
        assert met.status == Status.MET and met.year_goal.comparator == "<="
        short = target_status(RANK, goal, [number(12, 39)], datetime.date(2027, 1, 5))
        assert short.year_goal.value < 38 and short.status != Status.MET


def nobody(month, year=2026):
    """A period no unit has reported: its sums are not figures (the roll-up may still hold some)."""
    return Figure(month_end(year, month), D(5), D(5), D(10), 0)


class TestPeriodsNobodyReported:
    def test_a_period_nobody_reported_is_no_data(self):
        assert value_of("count", nobody(11)) is None
        assert current_value(STOCK_COUNT, [nobody(10), nobody(11)]) == (None, None)
        assert latest_representative([nobody(11)]) is None

    def test_a_period_nobody_reported_is_no_point_of_the_series_and_does_not_end_it(self):
        figures = [number(1, 5), nobody(2), number(3, 2)]
        assert series(FLOW_COUNT, figures) == [(month_end(2026, 1), 5), (month_end(2026, 3), 7)]
        assert series(STOCK_COUNT, figures) == [(month_end(2026, 1), 5), (month_end(2026, 3), 2)]


class TestSeriesAndRanks:
    def test_a_rank_of_several_reports_is_their_average(self):
        assert value_of("rank", Figure(month_end(2026, 11), D(34), D(0), D(0), 2)) == 17

    def test_a_stock_series_is_each_periods_own_value(self):
        figures = [ratio(1, 50, 100), ratio(2, 60, 100)]
        assert series(RATIO, figures) == [(month_end(2026, 1), 50), (month_end(2026, 2), 60)]

    def test_a_flow_series_is_the_year_so_far_starting_again_each_january(self):
        figures = [number(12, 30, year=2025), number(1, 9), number(2, 9)]
        assert series(FLOW_COUNT, figures) == [
            (month_end(2025, 12), 30),
            (month_end(2026, 1), 9),
            (month_end(2026, 2), 18),
        ]
        shares = [ratio(1, 30, 100), ratio(2, 90, 100)]
        assert series(FLOW_RATIO, shares) == [(month_end(2026, 1), 30), (month_end(2026, 2), 60)]

    def test_a_rank_is_never_added_up_even_marked_cumulative(self):
        figures = [number(1, 20), number(2, 15)]
        assert series(FLOW_RANK, figures) == [(month_end(2026, 1), 20), (month_end(2026, 2), 15)]
        assert current_value(FLOW_RANK, figures) == (15, month_end(2026, 2))

    def test_a_flow_in_january_counts_january_alone(self):
        figures = [number(12, 30, year=2025), number(1, 9)]
        assert current_value(FLOW_COUNT, figures) == (9, month_end(2026, 1))


class TestEnoughUnitsReported:
    """A stock's current value waits for a month reported by half the units (see above)."""

    def test_a_month_reported_by_exactly_half_the_units_counts(self):
        figures = [ratio(10, 1080, 1800, count=18), ratio(11, 810, 900, count=9)]
        assert current_value(RATIO, figures) == (90, month_end(2026, 11))

    def test_a_month_reported_by_less_than_half_the_units_waits(self):
        figures = [ratio(10, 1080, 1800, count=18), ratio(11, 700, 800, count=8)]
        assert current_value(RATIO, figures) == (60, month_end(2026, 10))

    def test_the_bar_is_set_by_the_best_covered_month_of_the_last_twelve(self):
        # 20 units reported once, 13 months ago; 8 have reported each month since.
        figures = [ratio(10, 20, 20, count=20, year=2025)]
        figures += [ratio(m, 4, 8, count=8, year=2025) for m in (11, 12)]
        figures += [ratio(m, 4, 8, count=8) for m in range(1, 11)]
        assert latest_representative(figures) == figures[-1]


class TestComparatorEdges:
    def test_equal_is_equal_to_a_ten_thousandth(self):
        goal = Goal("=", D(5))
        assert [meets(goal, D(v)) for v in (5, "5.00005", "4.99995", "5.0001", -5)] == [
            True,
            True,
            True,
            False,
            False,
        ]

    def test_a_cap_is_met_at_its_value_and_a_strict_cap_is_not(self):
        assert meets(Goal("<=", D(5)), D(5)) is True
        assert meets(Goal("<", D(5)), D(5)) is False
        assert meets(Goal("<", D(5)), D(4)) is True
        assert meets(Goal("top", D(15)), D(15)) is True


class TestGoalOfTarget:
    def target(self, **fields):
        from plans.models import Target

        target = Target(text="Tỷ lệ hồ sơ trực tuyến", comparator=">=", **fields)
        target.value = D(90)
        return target

    def test_a_due_date_is_kept(self):
        goal = Goal.of(self.target(due_date=datetime.date(2027, 6, 30)), plan_end_year=2030)
        assert goal.due == datetime.date(2027, 6, 30)

    def test_a_due_year_is_due_on_its_31_december(self):
        assert Goal.of(self.target(due_year=2028)).due == datetime.date(2028, 12, 31)

    def test_a_baseline_year_is_read_on_its_31_december(self):
        goal = Goal.of(self.target(baseline_year=2025, baseline_value=D(50)))
        assert (goal.baseline_date, goal.baseline_value) == (datetime.date(2025, 12, 31), 50)
        assert Goal.of(self.target()).baseline_date is None

    def test_the_range_the_path_and_the_units_own_level_are_kept(self):
        target = self.target(value_max=D(95), yearly_values={"2028": "80", "2027": "70"})
        goal = Goal.of(target, value=D(85))
        assert goal.value_max == 95
        assert goal.yearly_path == ((2027, D(70)), (2028, D(80)))
        assert goal.value == 85
        assert Goal.of(target).value == 90


class TestYearGoals:
    GOAL = TestYearlyPath.GOAL

    def test_a_year_is_judged_from_the_level_of_the_year_before_by_its_31_december(self):
        year = self.GOAL.for_year(2027, rank=False)
        assert (year.comparator, year.value, year.due) == (">=", 75, datetime.date(2027, 12, 31))
        assert (year.baseline_value, year.baseline_date) == (70, datetime.date(2026, 12, 31))
        first = self.GOAL.for_year(2026, rank=False)
        assert (first.baseline_value, first.baseline_date) == (50, datetime.date(2025, 12, 31))

    def test_the_first_year_of_a_path_without_baseline_has_none(self):
        goal = Goal(">=", D(90), due=datetime.date(2030, 12, 31), yearly_path=((2026, D(70)),))
        year = goal.for_year(2026, rank=False)
        assert (year.value, year.baseline_value, year.baseline_date) == (70, None, None)

    def test_a_rank_path_draws_the_years_before_on_the_ranks_line(self):
        # Rank 40 in 2025, 38 in 2026, up 8 places (rank 32) by 2030: 2027 is rank 36.5.
        goal = Goal(
            "increase",
            D(8),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(40),
            baseline_date=datetime.date(2025, 12, 31),
            yearly_path=((2026, D(38)),),
        )
        assert goal.for_year(2028, rank=True).baseline_value == D("36.5")

    @pytest.mark.parametrize(
        "comparator, year_comparator",
        [(">=", ">="), ("<=", "<="), ("range", ">="), ("increase", ">="), ("decrease", "<=")],
    )
    def test_a_years_level_is_a_floor_or_a_cap_by_the_targets_direction(
        self, comparator, year_comparator
    ):
        goal = Goal(
            comparator,
            D(10),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(50),
            baseline_date=datetime.date(2025, 12, 31),
            yearly_path=((2026, D(55)),),
        )
        assert goal.for_year(2026, rank=False).comparator == year_comparator


class TestPathCorners:
    GOAL = TestYearlyPath.GOAL

    def test_the_corners_are_the_baseline_each_years_level_and_the_due_value(self):
        assert path_points(self.GOAL, rank=False) == [
            (datetime.date(2025, 12, 31), 50),
            (datetime.date(2026, 12, 31), 70),
            (datetime.date(2028, 12, 31), 80),
            (datetime.date(2030, 12, 31), 90),
        ]

    def test_half_a_baseline_or_no_due_date_is_no_corner(self):
        level = ((2026, D(70)),)
        only_value = Goal(">=", D(90), baseline_value=D(50), yearly_path=level)
        only_date = Goal(">=", D(90), baseline_date=datetime.date(2025, 12, 31), yearly_path=level)
        no_end = Goal("increase", D(8), due=datetime.date(2030, 12, 31), yearly_path=level)
        for goal in (only_value, only_date, no_end):
            assert path_points(goal, rank=False) == [(datetime.date(2026, 12, 31), 70)]

    def test_between_the_corners_the_path_is_a_straight_line(self):
        assert path_value(self.GOAL, datetime.date(2027, 12, 31)) == pytest.approx(
            D(75), abs=D("0.01")
        )
        assert path_value(self.GOAL, datetime.date(2025, 6, 1)) == 50  # before the baseline
        assert path_value(self.GOAL, datetime.date(2031, 3, 1)) == 90  # after the due date

    def test_a_years_level_before_after_and_on_the_corners(self):
        assert year_level(self.GOAL, 2024, rank=False) is None
        assert year_level(self.GOAL, 2025, rank=False) == 50  # the baseline's own year
        assert year_level(self.GOAL, 2031, rank=False) == 90
        assert year_level(Goal("increase", D(8)), 2027, rank=False) is None  # no corner at all


class TestChanges:
    def test_a_change_ends_above_or_below_the_baseline_by_its_direction(self):
        up = Goal("increase", D(8), baseline_value=D(40))
        down = Goal("decrease", D(10), baseline_value=D(20))
        assert (end_value(up, rank=False), end_value(up, rank=True)) == (48, 32)
        assert end_value(down, rank=False) == 10
        assert end_value(replace(down, relative=True), rank=False) == 18  # 10 % of 20

    def test_the_path_of_a_change_ends_where_the_change_does(self):
        goal = Goal(
            "increase",
            D(8),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(40),
            baseline_date=datetime.date(2025, 12, 31),
        )
        due = datetime.date(2030, 12, 31)
        assert path_value(goal, due) == 48
        assert path_value(goal, due, rank=True) == 32
        stepped = replace(goal, yearly_path=((2026, D(38)),))
        assert path_value(stepped, due, rank=True) == 32

    def test_a_baseline_without_its_year_does_not_start_a_path(self):
        goal = Goal(">=", D(90), due=datetime.date(2030, 12, 31), baseline_value=D(50))
        assert path_value(goal, datetime.date(2026, 6, 30)) is None

    def test_on_its_due_day_the_path_is_the_due_value(self):
        goal = Goal(">=", D(90), due=datetime.date(2026, 6, 30))
        first = (datetime.date(2026, 6, 30), D(60))
        assert path_value(goal, datetime.date(2026, 6, 30), first=first) == 90

    def test_a_change_counts_from_the_plans_baseline_not_the_first_figure(self):
        days = Indicator(kind="amount", temporal="latest")
        goal = Goal(
            "increase",
            D(10),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(100),
            baseline_date=datetime.date(2025, 12, 31),
        )
        verdict = target_status(days, goal, [number(1, 105), number(2, 112)], month_end(2026, 2))
        assert verdict.status == Status.MET and verdict.goal.baseline_value == 100

    def test_without_a_baseline_a_change_starts_at_the_first_figures_date(self):
        days = Indicator(kind="amount", temporal="latest")
        goal = Goal("decrease", D(10), due=datetime.date(2030, 12, 31), relative=True)
        figures = [number(1, 20), number(2, 19), number(3, 19)]
        verdict = target_status(days, goal, figures, month_end(2026, 3))
        assert (verdict.goal.baseline_value, verdict.goal.baseline_date) == (20, month_end(2026, 1))

    def test_a_level_target_keeps_no_baseline_it_was_not_given(self):
        verdict = target_status(
            RATIO,
            Goal(">=", D(90), due=datetime.date(2030, 12, 31)),
            [ratio(1, 60, 100)],
            month_end(2026, 1),
        )
        assert verdict.goal.baseline_value is None

    def test_a_change_in_a_yearly_count_without_baseline_cannot_be_judged(self):
        goal = Goal("increase", D(5), due=datetime.date(2030, 12, 31))
        verdict = target_status(FLOW_COUNT, goal, [number(1, 3)], month_end(2026, 1))
        assert (verdict.status, verdict.current) == (Status.NO_DATA, 3)

    def test_a_rank_rising_by_places_without_a_yearly_path(self):
        goal = Goal(
            "increase",
            D(8),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(40),
            baseline_date=datetime.date(2025, 12, 31),
        )
        assert target_status(RANK, goal, [number(12, 31)], month_end(2026, 12)).status == (
            Status.MET
        )
        behind = target_status(RANK, goal, [number(12, 39)], month_end(2026, 12))
        assert behind.status == Status.AT_RISK and D(38) < behind.path < D(39)
        climbing = [number(m, 41 - m) for m in range(1, 7)]  # rank 35 by June, a place a month
        assert target_status(RANK, goal, climbing, month_end(2026, 6)).status == Status.ON_TRACK


class TestVerdictDetails:
    def test_the_trend_points_stop_at_the_month_the_current_value_comes_from(self):
        figures = [ratio(9, 900, 1800, count=18), ratio(10, 1080, 1800, count=18)]
        figures.append(ratio(11, 190, 200, count=2))  # November: 2 of 18 so far
        verdict = target_status(RATIO, Goal(">=", D(50)), figures, month_end(2026, 11))
        assert verdict.points == [(month_end(2026, 9), 50), (month_end(2026, 10), 60)]

    def test_no_current_value_still_shows_the_figures_there_are(self):
        figures = [ratio(1, 50, 100), ratio(2, 0, 0)]  # February: every denominator 0
        verdict = target_status(RATIO, Goal(">=", D(90)), figures, month_end(2026, 2))
        assert (verdict.status, verdict.points) == (Status.NO_DATA, [(month_end(2026, 1), 50)])

    def test_a_stock_judged_each_year_keeps_last_years_figures_in_its_trend(self):
        figures = [ratio(m, 50 + m, 100, year=2025) for m in (11, 12)] + [ratio(1, 70, 100)]
        verdict = target_status(RATIO, Goal(">=", D(90), yearly=True), figures, month_end(2026, 1))
        assert len(verdict.points) == 3

    def test_with_one_figure_and_no_baseline_a_target_is_on_its_own_path(self):
        # The path starts at the first figure: a figure on its own path is neither ahead nor behind.
        for goal, value in (
            (Goal(">=", D(90), due=DUE_2030), 60),
            (Goal("<=", D(10), due=DUE_2030), 17),
        ):
            verdict = target_status(STOCK_COUNT, goal, [number(11, value)], month_end(2026, 11))
            assert (verdict.status, verdict.path) == (Status.ON_TRACK, value)

    def test_a_cap_ahead_of_its_path_is_on_track(self):
        goal = Goal(
            "<=",
            D(10),
            due=datetime.date(2030, 12, 31),
            baseline_value=D(20),
            baseline_date=datetime.date(2025, 12, 31),
        )
        verdict = target_status(STOCK_COUNT, goal, [number(11, 17)], month_end(2026, 11))
        assert verdict.status == Status.ON_TRACK and D(18) < verdict.path < D(19)

    def test_a_yearly_counts_path_runs_from_zero_in_january(self):
        goal = Goal(">=", D(100), due=datetime.date(2030, 12, 31))
        figures = [number(m, 9) for m in range(1, 7)]
        verdict = target_status(FLOW_COUNT, goal, figures, month_end(2026, 6))
        assert verdict.path == D(100) * 180 / 364

    def test_a_yearly_counts_pace_is_counted_in_days_from_1_january(self):
        goal = Goal(">=", D(100), due=datetime.date(2030, 12, 31))
        figures = [number(m, 9) for m in range(1, 12)]  # 99 by 30 November
        verdict = target_status(FLOW_COUNT, goal, figures, month_end(2026, 11))
        assert verdict.projected == D(99) * 365 / 334

    def test_a_falling_share_is_projected_no_lower_than_zero(self):
        figures = [ratio(m, 60 - 10 * m, 100) for m in range(1, 6)]
        verdict = target_status(RATIO, Goal(">=", D(90), due=DUE_2030), figures, month_end(2026, 5))
        assert (verdict.status, verdict.projected) == (Status.AT_RISK, 0)

    def test_three_figures_are_enough_for_a_trend(self):
        points = [(month_end(2026, m), D(10 * m)) for m in range(1, 4)]
        assert D(120) < trend_projection(points, month_end(2026, 12)) < D(125)

    def test_on_its_due_day_a_target_still_counts_the_month_being_reported(self):
        goal = Goal(">=", D(90), due=datetime.date(2026, 6, 15))
        figures = [ratio(5, 80, 100), ratio(6, 95, 100)]
        verdict = target_status(RATIO, goal, figures, datetime.date(2026, 6, 15))
        assert verdict.status == Status.MET

    def test_a_yearly_cap_is_met_only_after_the_years_last_day(self):
        goal = Goal("<=", D(5), yearly=True)
        year = [number(m, 0) for m in range(1, 13)]
        on_the_day = target_status(FLOW_COUNT, goal, year, datetime.date(2026, 12, 31))
        assert on_the_day.status == Status.ON_TRACK


class TestFirstFigure:
    """The pages judge on the recent periods only; the first figure ever reported comes apart
    (`first=`), so that what lies before the window still anchors a change and a path."""

    def test_a_change_without_baseline_counts_from_the_first_figure_ever_not_the_windows(self):
        goal = Goal("increase", D(20), due=DUE_2030)
        recent = [number(m, 30 + m) for m in range(1, 7)]  # 31 .. 36 this year
        first = (month_end(2023, 1), D(10))  # three years back: 36 - 10 = 26 >= 20
        verdict = target_status(STOCK_COUNT, goal, recent, month_end(2026, 6), first=first)
        assert verdict.status == Status.MET
        assert verdict.goal.baseline_value == 10
        # Without it, the window's own first figure is the baseline: 36 - 31 = 5, not met.
        alone = target_status(STOCK_COUNT, goal, recent, month_end(2026, 6))
        assert alone.goal.baseline_value == 31 and alone.status != Status.MET

    def test_the_path_starts_at_the_first_figure_ever_reported(self):
        goal = Goal(">=", D(90), due=datetime.date(2026, 12, 31))
        first = (month_end(2025, 12), D(50))
        verdict = target_status(RATIO, goal, [ratio(6, 70, 100)], month_end(2026, 6), first=first)
        assert verdict.start == first
        assert verdict.path == path_value(goal, month_end(2026, 6), first=first)
        # 70 % by June is ahead of the line from 50 % to 90 % by December.
        assert verdict.status == Status.ON_TRACK

    def test_a_year_of_a_yearly_path_starts_at_the_first_figure_ever_reported(self):
        # No baseline: 2026's level has no level before it, so its path starts at the first
        # figure, the one reported before the window, not the window's first.
        goal = Goal(">=", D(90), due=datetime.date(2030, 12, 31), yearly_path=((2026, D(70)),))
        first = (month_end(2025, 12), D(50))
        verdict = target_status(RATIO, goal, [ratio(6, 60, 100)], month_end(2026, 6), first=first)
        assert verdict.year_goal is not None
        assert verdict.start == first

    def test_a_figure_that_adds_up_starts_its_path_in_january_whatever_the_first_figure(self):
        goal = Goal(">=", D(12), due=DUE_2030)
        figures = [number(1, 1), number(2, 1)]
        verdict = target_status(
            FLOW_COUNT, goal, figures, month_end(2026, 2), first=(month_end(2023, 1), D(5))
        )
        assert verdict.start == (month_end(2026, 1), D(1))
        assert verdict.goal.baseline_value is None

    def test_the_first_figure_is_the_value_it_stands_for(self):
        assert first_point(RATIO, ratio(3, 45, 50, year=2024)) == (month_end(2024, 3), D(90))
        # A ratio over nothing stands for nothing.
        assert first_point(RATIO, ratio(3, 0, 0, year=2024)) is None
        assert first_point(RATIO, None) is None

    def test_a_first_figure_alone_is_no_verdict(self):
        """Nothing in the window: the first figure anchors a path, it is not a current value."""
        goal = Goal(">=", D(50), due=DUE_2030)
        verdict = target_status(RATIO, goal, [], month_end(2026, 6), first=(month_end(2023, 1), 99))
        assert verdict.status == Status.NO_DATA and verdict.current is None
