"""The figures a simulated reporter types: within a few per cent of the unit's last accepted
report, so that the submit's checks (a jump beyond the schedule's band needs a comment) pass as
they would for a careful reporter. Shared by bench/locustfile.py and bench/profile_paths.py."""

import random
from decimal import Decimal


def figures(base: dict, rng: random.Random) -> tuple[dict, dict]:
    """(form fields, the same figures as canonical decimals) near the unit's last figures."""
    fields, sent = {}, {}
    for indicator_id, (kind, first, second) in base.items():
        prefix = f"v-{indicator_id}-"
        if kind == "ratio":
            denominator = max(1, round(second * rng.uniform(0.97, 1.03)))
            share = first / second if second else 0
            numerator = min(denominator, round(denominator * share * rng.uniform(0.98, 1.02)))
            fields[prefix + "numerator"] = str(numerator)
            fields[prefix + "denominator"] = str(denominator)
            sent[indicator_id] = {"numerator": str(numerator), "denominator": str(denominator)}
        elif kind == "boolean":
            fields[prefix + "value"] = "1" if first else "0"
            sent[indicator_id] = {"value": "1" if first else "0"}
        elif kind == "amount":
            amount = Decimal(first * rng.uniform(0.97, 1.03)).quantize(Decimal("0.01"))
            fields[prefix + "value"] = str(amount).replace(".", ",")  # as Vietnamese type it
            sent[indicator_id] = {"value": str(amount)}
        else:
            value = round(first * rng.uniform(0.97, 1.03))
            fields[prefix + "value"] = str(value)
            sent[indicator_id] = {"value": str(value)}
    return fields, sent
