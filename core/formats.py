"""Numbers as Vietnamese officials write them: a decimal comma and a dot between thousands."""

from decimal import Decimal

from django.utils import numberformat


def number_vi(value, places: int = 2) -> str:
    """1234.5 -> "1.234,5"; 70 -> "70"; None -> "". Trailing zeros are dropped."""
    if value is None or value == "":
        return ""
    quantized = Decimal(value).quantize(Decimal(1).scaleb(-places))
    text = numberformat.format(
        quantized,
        decimal_sep=",",
        decimal_pos=places,
        grouping=3,
        thousand_sep=".",
        force_grouping=True,
    )
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def parse_number_vi(text: str) -> Decimal:
    """ "1.234,5" or "1234,5" or "1234.5" -> Decimal("1234.5"). Raises ValueError otherwise.

    A dot followed by exactly three digits is a thousands separator when a comma is present or
    when more than one dot appears; a single dot alone is read as a decimal point, as people
    paste figures from English software.
    """
    raw = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not raw:
        raise ValueError("empty")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") > 1:
        raw = raw.replace(".", "")
    try:
        number = Decimal(raw)
    except ArithmeticError as exc:
        raise ValueError(text) from exc
    if not number.is_finite():
        raise ValueError(text)
    return number
