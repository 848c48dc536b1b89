"""Numbers as Vietnamese officials write them: a decimal comma and a dot between thousands."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import numberformat


def number_vi(value, places: int = 2) -> str:
    """1234.5 -> "1.234,5"; 70 -> "70"; None -> "". Trailing zeros are dropped."""
    if value is None or value == "":
        return ""
    quantized = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
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
    """Read a number as a Vietnamese officer types it. Raises ValueError otherwise.

    "1.234,5" and "1234,5" -> 1234.5; "1.000" and "1.234.567" -> thousands (a dot followed by
    three digits separates thousands, as in Vietnamese writing); "12.5" and "0.125" -> a decimal
    point, as people paste figures from English software.
    """
    raw = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not raw:
        raise ValueError("empty")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") > 1:
        head, *groups = raw.split(".")
        if not head.lstrip("+-") or any(len(group) != 3 for group in groups):
            raise ValueError(text)
        raw = raw.replace(".", "")
    elif "." in raw:
        whole, fraction = raw.split(".")
        if len(fraction) == 3 and whole.lstrip("+-") not in ("", "0"):
            raw = whole + fraction
    try:
        number = Decimal(raw)
    except ArithmeticError as exc:
        raise ValueError(text) from exc
    if not number.is_finite():
        raise ValueError(text)
    return number
