"""Writing cells safely: people's text never becomes a formula in a file we hand out.

openpyxl stores any string that starts with "=" as a formula, so a narrative such as
"=HYPERLINK(...)" typed in a report would run in the coordinator's Excel. Text is kept text.
"""

FORMULA_STARTS = ("=", "+", "-", "@")


def set_value(cell, value) -> None:
    """Put `value` in `cell`; a string stays a string even if it looks like a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
