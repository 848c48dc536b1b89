"""Numbers as Vietnamese officials write them: a decimal comma and a dot between thousands."""

from decimal import ROUND_HALF_UP, Decimal


def number_vi(value, places: int = 2) -> str:
    """1234.5 -> "1.234,5"; 70 -> "70"; None -> "". Trailing zeros are dropped.

    Plain string formatting: a report page writes a few hundred numbers, and Django's
    locale-aware formatter cost more than the rest of a row."""
    if value is None or value == "":
        return ""
    quantized = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{quantized:,.{places}f}" if places else f"{quantized:,}"
    whole, _sep, fraction = text.partition(".")
    whole = whole.replace(",", ".")
    fraction = fraction.rstrip("0")
    if whole in ("-0", "+0") and not fraction:
        whole = "0"
    return f"{whole},{fraction}" if fraction else whole


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
