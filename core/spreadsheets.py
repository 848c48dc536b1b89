"""Writing cells safely: people's text never becomes a formula in a file we hand out.

openpyxl stores any string that starts with "=" as a formula, so a task title such as
"=WEBSERVICE(...)" or a narrative "=HYPERLINK(...)" would run in the Excel of whoever opens the
file. Every cell of every workbook we write goes through `set_value` or `append_row` (text is
kept text); the file's own formulas, and only they, go through `set_formula`.
"""


def set_value(cell, value) -> None:
    """Put `value` in `cell`; a string stays a string even if it looks like a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def set_formula(cell, formula: str) -> None:
    """A formula the system itself writes (never text a person typed)."""
    cell.value = formula


def append_row(ws, values) -> None:
    """`ws.append` that keeps every string a string."""
    ws.append(list(values))
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
