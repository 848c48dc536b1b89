"""A plan as a department's website publishes it: no header block, a headline "Kế hoạch …" and
a sentence naming the plan ("Sở Khoa học và Công nghệ (vừa) ban hành Kế hoạch số 20/KH-SKHCN
ngày 12/5/2020 về …"). Read only when the header rules found neither a number nor a type."""

import re

from extraction.dates import find_date
from extraction.header import clean_number
from extraction.model import Document

_HEADLINE = re.compile(r"^(?:Kế hoạch|KẾ HOẠCH)\s+(?P<title>[^\W\d].{15,})$")
_NAMED = re.compile(
    r"\bban hành\s+Kế hoạch\s+số\s+(?P<number>\d+/KH-[A-ZĐ][A-ZĐ0-9&-]*)\s*,?\s*"
    r"ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})"
)


def headline_document(lines: list[str]) -> tuple[Document, int] | None:
    """The document from a page's headline and the sentence that names it; returns it and the
    index of the line after the headline, or None when the page has no such headline."""
    for i, line in enumerate(lines[:6]):
        headline = _HEADLINE.match(line.strip())
        if not headline:
            continue
        document = Document(type="KH", title=headline.group("title").strip())
        for text in lines[i + 1 : i + 6]:
            named = _NAMED.search(text)
            if named:
                number, _, issuer = clean_number(named.group("number"))
                document.number, document.issuer_code = number, issuer
                document.date = find_date(named.group("date"))
                break
        return document, i + 1
    return None
