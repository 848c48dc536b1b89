"""Numbers read from a query string or a posted field, parsed in one place.

`str.isdigit()` accepts "²" and "٣", which `int()` refuses, and a database id has at most 18
digits: a hand-written `int(raw) if raw.isdigit()` is a server error waiting for the first odd
character. Everything that reads a number from a request calls `parse_int`.
"""

import re

_INT = re.compile(r"-?[0-9]{1,18}")
# The years a plan, a schedule or a filter may name: wide enough for every real plan.
YEAR_MIN, YEAR_MAX = 2000, 2100


def parse_int(raw, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """`raw` (ASCII digits, an optional minus) as an int within the bounds, else None."""
    text = (raw or "").strip() if isinstance(raw, str) else ""
    if not _INT.fullmatch(text):
        return None
    value = int(text)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return None
    return value


def parse_id(raw) -> int | None:
    """A primary key from a request (a positive whole number), else None."""
    return parse_int(raw, minimum=1)
