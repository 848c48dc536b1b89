"""Cell values as the report file and the office's tables write them (the styles are the shared
kit of core.spreadsheets)."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _


def excel_number(value) -> int | float | None:
    """A Decimal as Excel holds it: a whole number stays whole (70, not 70.0)."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def figure_format(value) -> str:
    """Thousands grouped; decimals only when there are some (no "70," for seventy)."""
    if value is None or Decimal(value) == Decimal(value).to_integral_value():
        return "#,##0"
    return "#,##0.0###"


def date_vi(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def yes_no_label(value) -> str | None:
    if value is None:
        return None
    return _("Có") if value == 1 else _("Không")
