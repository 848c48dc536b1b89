import calendar
import datetime

import factory

from indicators.models import Indicator
from plans.tests.factories import PlanFactory
from reporting.models import Period, Schedule, ScheduleIndicator


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"ind-{n}")
    name = factory.Sequence(lambda n: f"Số mô hình, sáng kiến chuyển đổi số {n}")
    kind = Indicator.Kind.COUNT
    unit = "mô hình"


class RatioIndicatorFactory(IndicatorFactory):
    name = factory.Sequence(lambda n: f"Tỷ lệ hồ sơ trực tuyến {n}")
    kind = Indicator.Kind.RATIO
    unit = "%"
    numerator_label = "Số hồ sơ trực tuyến"
    denominator_label = "Tổng số hồ sơ"


class ScheduleFactory(factory.django.DjangoModelFactory):
    """A monthly schedule due on the 20th; `unit_types` lists the types that report."""

    class Meta:
        model = Schedule
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    name = "Báo cáo tháng"
    frequency = Schedule.Frequency.MONTHLY
    due_day = 20

    @factory.post_generation
    def unit_types(obj, create, extracted, **kwargs):
        if create:
            obj.unit_types.set(extracted or [obj.plan.issuer.unit_type])


class ScheduleIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleIndicator

    schedule = factory.SubFactory(ScheduleFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    order = factory.Sequence(int)


def _this_month() -> datetime.date:
    return datetime.date.today().replace(day=1)


class PeriodFactory(factory.django.DjangoModelFactory):
    """This month's period by default, due on the 20th (the tests run on any date)."""

    class Meta:
        model = Period

    schedule = factory.SubFactory(ScheduleFactory)
    start = factory.LazyFunction(_this_month)
    end = factory.LazyAttribute(
        lambda o: o.start.replace(day=calendar.monthrange(o.start.year, o.start.month)[1])
    )
    due_date = factory.LazyAttribute(lambda o: o.start.replace(day=20))
    code = factory.LazyAttribute(lambda o: o.start.strftime("%Y-%m"))
    label = factory.LazyAttribute(lambda o: o.start.strftime("Tháng %m/%Y"))


def previous_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
