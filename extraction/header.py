"""Document metadata: number, type, issuer code, place and date, title, what the plan implements
and replaces, the signature block and the recipients (Nghị định 30/2020/NĐ-CP layout)."""

import re

from extraction.dates import find_date, iso_date
from extraction.model import Document, Reference, Signature

DOC_TITLES = {
    "KẾ HOẠCH": "KH",
    "QUYẾT ĐỊNH": "QĐ",
    "CHƯƠNG TRÌNH": "CTr",
    "HƯỚNG DẪN": "HD",
    "NGHỊ QUYẾT": "NQ",
    "BÁO CÁO": "BC",
    "TỜ TRÌNH": "TTr",
    "CÔNG VĂN": "CV",
}
_NUMBER_LINE = re.compile(
    r"(?:^|\s|\|)Số\s*:\s*(?P<rest>\d*\s*/\s*[A-ZĐ][A-ZĐa-zđ]*(?:\s*[-/]\s*[A-ZĐ0-9][A-ZĐa-zđ0-9.&]*)*)"
    # A Party document: "Số 3260-KH/ĐĐQH15", "Số: 02-KH/TU" (the number joined by a hyphen).
    r"|^Số\s*:?\s*(?P<party>\d+\s*-\s*[A-ZĐ][A-ZĐa-zđ]*\s*/\s*[A-ZĐ0-9][A-ZĐa-zđ0-9.&]*)\s*$"
)
_PLACE_DATE = re.compile(
    r"(?P<place>[^\d,;:]{2,60}?)\s*,\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})",
    re.I,
)
_DOC_NUMBER = r"\d+[A-Za-zĐđ]?(?:\s*[-/]\s*[A-Za-zĐđ0-9]+(?:[.&][A-Za-zĐđ0-9]+)?)+"
_REFERENCE = re.compile(
    r"(?P<kind>Kế hoạch hành động|Kế hoạch|Nghị quyết|Quyết định|Chương trình hành động|"
    r"Chương trình|Chỉ thị|Hướng dẫn|Văn bản|Công văn|Thông báo|Kết luận|Nghị định|Thông tư|Luật|"
    r"Quy chế làm việc|Quy chế|Quy định)"
    r"\s+(?:số\s+)?(?P<number>" + _DOC_NUMBER + r")"
    r"(?P<tail>[^;]{0,40}?ngày\s*(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|"
    r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?",
    re.I,
)
_SIGN_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ|TM\.|KT\.|Q\.|TL\.|TUQ\.|T/M|K/T)\.?\s", re.I)


def clean_number(raw: str) -> tuple[str | None, str | None, str | None]:
    """ "40 /KH-BQLKKTCK" -> ("40/KH-BQLKKTCK", "KH", "BQLKKTCK"); "/KH-UBND" -> (None, "KH", "UBND")."""
    compact = re.sub(r"\s+", "", raw).rstrip(".,;")
    party = re.match(r"^(?P<num>\d+)-(?P<type>[A-Za-zĐđ]+)/(?P<issuer>.+)$", compact)
    if party:  # "3260-KH/ĐĐQH15": kept as printed
        return compact, party.group("type").upper(), party.group("issuer")
    match = re.match(r"^(?P<num>\d*)/?(?P<type>[A-Za-zĐđ]+)(?:[-/](?P<issuer>.+))?$", compact)
    if not match:
        return (compact or None, None, None)
    number = compact if match.group("num") else None
    if number and "/" not in number:
        number = f"{match.group('num')}/{compact[len(match.group('num')) :]}"
    return number, match.group("type").upper().replace("QD", "QĐ"), match.group("issuer")


def parse_document(lines: list[str]) -> tuple[Document, int]:
    """Metadata from the first lines; returns it and the index of the first line after the title."""
    document = Document()
    head = lines[:40]
    title_at = None
    for i, line in enumerate(head):
        if document.number is None and document.type is None:
            if re.fullmatch(r"Số\s*:?", line.strip(" |")) and i + 1 < len(head):
                line = f"Số: {head[i + 1]}"  # "Số:" / "1825/QĐ-UBND": one cell per line
            match = _NUMBER_LINE.search(line)
            if match:
                rest = match.group("rest") or match.group("party")
                document.number, document.type, document.issuer_code = clean_number(rest)
                if not _PLACE_DATE.search(line):
                    continue
        if document.date is None:
            match = _PLACE_DATE.search(line)
            if match:
                document.place = _place(match.group("place"))
                year = int(match.group("year"))
                day, month = match.group("day"), match.group("month")
                if day and month:
                    document.date = iso_date(int(day), int(month), year)
                elif month:
                    document.date = f"{year:04d}-{int(month):02d}"
                else:
                    document.date = f"{year:04d}"
                continue
        upper = line.strip().upper()
        if title_at is None and upper in DOC_TITLES and line.strip() == upper:
            document.type = document.type or DOC_TITLES[upper]
            title_at = i
    if title_at is None:
        title_at = _title_without_type_line(head)
        if title_at is None:
            return document, 0
    title_lines = []
    end = title_at + 1
    for line in lines[title_at + 1 : title_at + 9]:
        if title_lines and (
            re.match(r"^(Thực hiện|Căn cứ|Triển khai thực hiện|Để|I\.|1\.)\s", line)
            or _BODY_START.match(line)
            or line.startswith("![")
            or (_issuing_authority(line) and not _CUT_AFTER.search(title_lines[-1]))
            or (re.match(r"^[-+•*]\s+[^\W\d]", line) and not _in_capitals(line))
        ):
            break  # the body ("PHẦN I. KẾT QUẢ …") or an image placeholder after the title
        if re.match(r"^\(?\s*thay thế", line, re.I):
            end += 1
            break
        title_lines.append(line)
        end += 1
        nxt = lines[end] if end < len(lines) else ""
        if _in_capitals(line) and _in_capitals(nxt) and not _BODY_START.match(nxt):
            continue  # a title in capitals wrapped over several lines
        if (
            (_TITLE_GOES_ON.match(nxt) or (len(title_lines) == 1 and _ENDS_OPEN.search(line)))
            and not line.endswith((".", ":", ";"))
            and not nxt.rstrip().endswith((".", ":", ";"))
            and not _BODY_START.match(nxt)
            and len(nxt) < 160
        ):
            continue  # "Triển khai … ngày 06/9/2023" / "Của Ban Thường vụ …" / "Đến năm 2025, …"
        if len(" ".join(title_lines)) > 40 and not line.endswith((",", "và")):
            # The title is usually one paragraph; a second one starting in lower case was joined.
            nxt = lines[end] if end < len(lines) else ""
            if not re.match(r"^\(?\s*thay thế", nxt, re.I):
                break
    title = " ".join(title_lines)
    title = re.sub(r"\s*\(\s*thay thế[^)]*\)\s*$", "", title, flags=re.I)
    document.title = title.strip() or None
    return document, end


# The authority that issues a decision, printed in capitals under its title ("CHỦ TỊCH ỦY BAN
# NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "BỘ TRƯỞNG BỘ …"): not part of the title.
# The older spelling puts the tone mark on the Y ("UỶ BAN").
_ISSUING_AUTHORITY = re.compile(
    r"^(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG BAN)?\s*"
    r"(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHÍNH PHỦ|BỘ|SỞ|BAN THƯỜNG VỤ|BAN CHẤP HÀNH)\b"
)


def _issuing_authority(line: str) -> bool:
    return bool(_ISSUING_AUTHORITY.match(line.strip())) and _in_capitals(line)


# A line that begins the body or lists the bases: a title is never read past it.
_NOT_A_TITLE = re.compile(r"^(?:[-+•*]|Căn cứ|Thực hiện|\|)|[|:]")


def _title_without_type_line(head: list[str]) -> int | None:
    """Where the title starts when no line names the document type (a web copy that dropped
    "KẾ HOẠCH"): the line in capitals right after the place and date, before the bases. Returns
    the index of the line before it, as if it were the type line."""
    for i, line in enumerate(head):
        if _PLACE_DATE.search(line):
            for j in range(i + 1, min(i + 3, len(head))):
                candidate = head[j].strip()
                if not candidate or candidate == "|":
                    continue
                if (
                    _in_capitals(candidate)
                    and len(candidate) >= 10
                    and not _NOT_A_TITLE.search(candidate)
                    and not _issuing_authority(candidate)
                ):
                    return j - 1
                return None
            return None
    return None


# A title in sentence case wrapped over lines: the next line goes on with a preposition.
_TITLE_GOES_ON = re.compile(
    r"^(?:Của|Về|Đến|Giai đoạn|Trên địa bàn|Tại|Định hướng|Tầm nhìn|Thuộc|Trong)\b"
)
# A first title line cut after a date or a document number goes on: "… ngày 22/12/2024" /
# "Bộ Chính trị về …".
# "… NĂM 2022 CỦA" / "BỘ CHÍNH TRỊ VỀ …": a title line cut after a word that needs what follows.
_CUT_AFTER = re.compile(r"\b(?:của|về|và|với|cho|tại|CỦA|VỀ|VÀ|VỚI|CHO|TẠI)$")
_ENDS_OPEN = re.compile(r"(?:\d{1,2}/\d{1,2}/\d{4}|\d+-[A-ZĐ]+/[A-ZĐ0-9]+|\bcủa|\bvề)$")
_BODY_START = re.compile(r"^(?:[IVX]+\.|\d+\.|PHẦN|Căn cứ|Thực hiện)\s", re.I)


def _in_capitals(line: str) -> bool:
    """A line of a title printed in capitals: letters, none of them lower case."""
    letters = [c for c in line if c.isalpha()]
    return bool(line.strip()) and not any(c.islower() for c in letters)


_CONTENTS_FOLLOW = re.compile(
    r"(?:nội dung(?: chủ yếu)?(?: như)? sau|gồm \d+ nội dung)\s*:\s*$", re.I
)


def parse_references(lines: list[str], start: int, title: str | None) -> list[Reference]:
    """What the plan implements: documents cited in its title and in the opening paragraphs
    ("Thực hiện...", "Căn cứ..."), until the first section heading; "thay thế" marks a replaced one."""
    sources: list[str] = []
    if title:
        sources.append(title)
    for i in range(max(0, start - 2), min(len(lines), start + 8)):
        line = lines[i]
        if re.match(r"^(?:Theo|Xét)\s+đề nghị\b", line, re.I):
            continue  # the proposal that asked for the document (Tờ trình, công văn), not a base
        if i >= start and _CONTENTS_FOLLOW.search(line) and not line.startswith("Căn cứ"):
            sources.append(line)
            break  # "… với các nội dung sau:": what follows is the plan's content, not its bases
        if re.match(r"^Điều 1\.", line):
            # A decision names in its first article the plan it approves: "Điều 1. Phê duyệt Kế
            # hoạch …" / "(Kèm theo Kế hoạch số 1376/KH-SGDĐT, ngày 28/10/2013 …)".
            sources.append(line)
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if re.match(r"^\(\s*(?:Ban hành\s+)?kèm theo\b", nxt, re.I):
                sources.append(nxt)
            break
        if re.match(r"^(?:[IVX]+\.|PHẦN|Phần|Chương|Điều)\s", line):
            # A first part "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" lists the bases: read it to its end.
            if re.match(r"^(?:[IVX]+\.|PHẦN\s+[IVX]+\.?)\s*(?:CĂN CỨ|Căn cứ)", line):
                # "I. CĂN CỨ LẬP KẾ HOẠCH - Quyết định số …; - Quyết định số …;": a web copy may
                # run the bases on the heading's own line.
                sources.append(line)
                sources.extend(_bases_part(lines, i + 1))
            break
        sources.append(line)
    references: list[Reference] = []
    seen: set[str] = set()
    for source in sources:
        source = _spelled_out(source)
        for match in _REFERENCE.finditer(source):
            number = re.sub(r"\s+", "", match.group("number"))
            if not re.search(r"[A-Za-zĐđ]", number):
                continue
            if number.lower() in seen:
                # A title in capitals cites "10-CTR/TU"; the body spells it "10-CTr/TU".
                for known in references:
                    if known.number.lower() == number.lower() and known.number.isupper():
                        known.number = number
                    if known.number.lower() == number.lower() and known.date is None:
                        known.date = (
                            find_date("ngày " + match.group("date"))
                            if match.group("date")
                            else None
                        )
                continue
            before = source[max(0, match.start() - 25) : match.start()].lower()
            relation = "replaces" if "thay thế" in before else "implements"
            date = None
            if match.group("date"):
                date = find_date("ngày " + match.group("date"))
            seen.add(number.lower())
            end = source.find(";", match.end())
            snippet = source[
                match.start() : end if 0 < end - match.start() < 300 else match.end() + 120
            ]
            references.append(
                Reference(
                    relation=relation,
                    number=number,
                    date=date,
                    text=snippet.strip(" ;,."),
                    kind=match.group("kind")[0].upper() + match.group("kind")[1:].lower(),
                )
            )
    return references


# The kind of a document from the type code of its number ("263/KH-UBND" is a Kế hoạch).
_KIND_OF_CODE = {
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "QD": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "CTR": "Chương trình",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "KL": "Kết luận",
}
_BARE_NUMBER = re.compile(
    r"(?P<lead>\b(?:Thực hiện|Căn cứ)\s+)(?P<number>\d+[-/](?P<code>[A-Za-zĐđ]+)[-/][A-ZĐ0-9][\w.&-]*)"
)


def _spelled_out(source: str) -> str:
    """A number glued to "ngày" ("263/KH-UBNDngày 31/12/2024") is split from it, and a number
    cited with no kind after "Thực hiện"/"Căn cứ" ("Thực hiện 263/KH-UBND …") gets the kind its
    type code names, so that the reference rule reads both."""
    source = re.sub(r"(\d+[-/][A-Za-zĐđ]+[-/][A-ZĐ0-9]+)(ngày\b)", r"\1 \2", source)
    # "Nghị quyết số 52 NQ/TW": the hyphen lost, a Party number (52-NQ/TW); "số 749 QĐ-TTg" a
    # State one (749/QĐ-TTg).
    source = re.sub(r"(\bsố\s+\d+)\s+([A-ZĐ]{1,6}/[A-ZĐ])", r"\1-\2", source)
    source = re.sub(r"(\bsố\s+\d+)\s+([A-ZĐ]{1,6}-[A-ZĐ])", r"\1/\2", source)

    def kind(match: re.Match) -> str:
        name = _KIND_OF_CODE.get(match["code"].upper())
        if not name:
            return match.group(0)
        return f"{match['lead']}{name} số {match['number']}"

    return _BARE_NUMBER.sub(kind, source)


def _bases_part(lines: list[str], start: int) -> list[str]:
    """The lines of a part of bases, to the next part ("II. …"); a line cut after "ngày" or
    "số" (a short numbered line is not re-joined by the layout rules) is joined to the next."""
    out: list[str] = []
    for line in lines[start : start + 40]:
        if re.match(r"^(?:[IVX]+\.|PHẦN|Phần)\s", line):
            break
        if out and re.search(r"(?:\bngày|\bsố)\s*$", out[-1], re.I):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def parse_closing(lines: list[str]) -> tuple[Signature, list[str], int]:
    """Recipients ("Nơi nhận:") and signature block; returns them and where the closing starts."""
    start = None
    end = len(lines)
    for i in range(len(lines) - 1, max(-1, len(lines) - 60), -1):
        if re.match(r"^Nơi nhận\s*:?", lines[i], re.I):
            start = i
            break
    early = _closing_before_attachment(lines)
    if early and start is not None and early[0] != start:
        early = None  # the attached plan has its own closing at the end: that one is read
    if early:
        start, end = early
    recipients: list[str] = []
    sign_lines: list[str] = []
    if start is not None:
        # Two columns printed side by side ("Nơi nhận:      TM. ỦY BAN NHÂN DÂN" / "- Lưu: VT,
        # VX.      PHÓ CHỦ TỊCH"): the right-hand column is the signature block.
        beside: list[str] = []
        closing = []
        for line in lines[start:end]:
            left, right = _split_beside(line)
            closing.append(left)
            if right:
                beside.append(right)
        rest = closing[1:]
        inline = re.sub(r"^Nơi nhận\s*:?\s*", "", closing[0], flags=re.I).strip()
        if inline:
            rest = [inline, *rest]
        j = 0
        while j < len(rest):
            line = rest[j]
            if re.match(r"^[-–+•*]\s*", line):
                recipients.append(re.sub(r"^[-–+•*]\s*", "", line).strip())
                j += 1
                if re.match(r"^Lưu\b", recipients[-1], re.I):
                    break
                continue
            if recipients and not _looks_like_signature(line) and not recipients[-1].endswith(";"):
                recipients[-1] = f"{recipients[-1]} {line.strip()}"
                j += 1
                continue
            if _SIGN_AUTHORITY.match(line) or (_signature_like(line) and line.isupper()):
                # The two columns one cell per line ("Nơi nhận:" / "TM. ỦY BAN NHÂN DÂN" /
                # "- Như trên;" / "KT. CHỦ TỊCH" / …): a signature line between recipients.
                if any(re.match(r"^[-–+•*]\s", x) for x in rest[j + 1 : j + 3]):
                    beside.append(line)
                    j += 1
                    continue
            break
        sign_lines = beside + rest[j:] if beside else rest[j:]
        if not any(_signature_like(line) for line in sign_lines):
            # Two columns printed one after the other: the signature stands before "Nơi nhận".
            k = start
            while k > 0 and start - k < 6 and _signature_like(lines[k - 1]):
                k -= 1
            if k < start and any(_SIGN_AUTHORITY.match(x) or x.isupper() for x in lines[k:start]):
                sign_lines = lines[k:start]
                start = k
    else:
        # No "Nơi nhận": the signature is the run of signature-like lines at the very end.
        start = len(lines)
        while start > 0 and len(lines) - start < 5 and _signature_like(lines[start - 1]):
            start -= 1
        sign_lines = lines[start:]
        block = None if sign_lines else _signature_before_attached_header(lines)
        if block:
            start, end = block
            sign_lines = lines[start:end]
    if early:
        start = len(lines)  # the attached plan after the closing is the body
    return _sane(parse_signature(sign_lines)), [r.rstrip(";,.") for r in recipients], start


_ATTACHED = re.compile(r"^\((?:Ban hành )?kèm theo\b", re.I)
_NATIONAL_MOTTO = re.compile(r"^(?:CỘNG HÒA XÃ|CỘNG HOÀ XÃ|Độc lập - Tự do)", re.I)


def _signature_before_attached_header(lines: list[str]) -> tuple[int, int] | None:
    """A decision approving a plan printed after it, with no "Nơi nhận": the signature
    ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name), then the plan's own header ("UBND TỈNH …" /
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO" beside the national motto). Returns where the signature starts and
    ends (after the name)."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        if not _SIGN_AUTHORITY.match(lines[i]):
            continue
        k = i + 1
        while k < len(lines) and k - i < 6 and lines[k].isupper() and _signature_like(lines[k]):
            k += 1  # the position, or an authority wrapped over two lines
        if k < len(lines) and not lines[k].isupper() and _signature_like(lines[k]):
            if any(_NATIONAL_MOTTO.match(x) for x in lines[k + 1 : k + 9]):
                return i, k + 1
        return None  # only the last authority line is the signature's
    return None


def _closing_before_attachment(lines: list[str]) -> tuple[int, int] | None:
    """A decision or resolution that issues a plan (programme) closes before the plan it
    attaches: "Nơi nhận:" / recipients / "TM. CHÍNH PHỦ" / "THỦ TƯỚNG" / the name, then the
    plan's title and "(Ban hành kèm theo Nghị quyết số …)". Returns where that closing starts
    and ends (after the signer's name)."""
    for i in range(len(lines) - 1, -1, -1):
        if not re.match(r"^Nơi nhận\s*:?", lines[i], re.I):
            continue
        # Recipients and the signature's capitals, in either order or interleaved (two columns
        # read one cell per line), up to the signer's name.
        k, capitals, end = i + 1, 0, None
        while k < len(lines) and k - i < 45:
            line = lines[k]
            if re.match(r"^[-–+•*]\s", line) or _SIGNED.fullmatch(line.strip(" *_")):
                k += 1  # a recipient, or "(Đã ký)" / "[đã ký]" between the position and the name
            elif _signature_like(line) and (line.isupper() or _SIGN_AUTHORITY.match(line)):
                capitals += 1
                k += 1
            elif _signature_like(line) and capitals:
                end = k + 1  # the name ends the block
                break
            else:
                break
        if end and any(_ATTACHED.match(x) for x in lines[end : end + 7]):
            return i, end
    return None


def _sane(signature: Signature) -> Signature:
    """A name is a person's: never a recipient line ("- Lưu: VT, VX."), a stray "|" or a rule."""
    for key, bad in (("name", r"[:|;\d]"), ("position", r"[:|]"), ("authority", r"[:|]")):
        value = getattr(signature, key)
        if value and (
            re.search(bad, value)
            or re.search(r"^[-–+•]|\bLưu\b", value)
            or not re.search(r"\w", value)
        ):
            setattr(signature, key, None)
    return signature


_BESIDE_AUTHORITY = re.compile(r"^(?P<left>.*?\S)\s+(?P<right>(?:TM|KT|Q|TL|TUQ)\.\s.*)$")


def _split_beside(line: str) -> tuple[str, str]:
    """ "- Như trên; KT. CHỦ TỊCH" -> ("- Như trên;", "KT. CHỦ TỊCH"); "- Lưu: VT, VX. PHÓ CHỦ
    TỊCH" -> ("- Lưu: VT, VX.", "PHÓ CHỦ TỊCH"): a recipient line (or "Nơi nhận:") that a
    two-column copy printed with the signature column's line after it."""
    if not re.match(r"^(?:Nơi nhận|[-–+•*]\s)", line, re.I):
        return line, ""
    match = _BESIDE_AUTHORITY.match(line)
    if match and not _SIGN_AUTHORITY.match(line):
        return match.group("left"), match.group("right")
    words = line.split()
    run: list[str] = []
    while words and re.fullmatch(r"[A-ZĐÀ-Ỹ]{2,}", words[-1]) and words[-1].isupper():
        run.insert(0, words.pop())
    if len(run) >= 2 and words:
        return " ".join(words), " ".join(run)
    return line, ""


def _signature_like(line: str) -> bool:
    if _SIGNED.fullmatch(line.strip(" *_")):
        return True  # "(Đã ký)" between the position and the name
    line = line.strip(" *_")
    if not line or re.search(r"[\d%:;]", line) or line.endswith("."):
        return False
    return (
        line.isupper()
        or bool(_SIGN_AUTHORITY.match(line))
        or (len(line.split()) <= 5 and all(w[:1].isupper() for w in line.split()))
    )


def _looks_like_signature(line: str) -> bool:
    return line.isupper() or bool(_SIGN_AUTHORITY.match(line))


_SIGNED = re.compile(r"\((?:đã\s+ký|ký[^)]{0,30})\)|\[?\s*đã\s+ký\s*\]?", re.I)


def _capitals_then_name(line: str) -> tuple[str, str] | None:
    """ "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An" -> ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Văn An")."""
    words = line.split()
    name: list[str] = []
    while words and words[-1][:1].isupper() and words[-1][1:].islower():
        name.insert(0, words.pop())
    caps = " ".join(words)
    if 2 <= len(name) <= 6 and _SIGN_AUTHORITY.match(caps) and not any(c.islower() for c in caps):
        return caps, " ".join(name)
    return None


def parse_signature(lines: list[str]) -> Signature:
    """The authority (TM./KT./Q./TL./TUQ. …), the position and the name of the signer, as
    printed on one or several lines: "TM. ỦY BAN NHÂN" / "DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ
    TỊCH" / "(Đã ký)" / "Nguyễn Văn An", or all of it on one line of a two-column copy."""
    lines = [_SIGNED.sub("", line).strip(" *_") for line in lines]
    lines = [line for line in lines if line and not re.match(r"^[-–+•*]\s", line)]
    # "KT." / "CHỦ TỊCH": an authority marker wrapped alone on its line.
    merged: list[str] = []
    for line in lines:
        if merged and re.fullmatch(r"(?:TM|KT|Q|TL|TUQ)\.?", merged[-1], re.I):
            merged[-1] = f"{merged[-1].rstrip('.')}. {line}"
        else:
            merged.append(line)
    lines = merged
    if not lines:
        return Signature()
    name = None
    one_line = _capitals_then_name(lines[-1])
    if one_line:
        lines = [*lines[:-1], *re.split(r"\s+(?=(?:TM|KT|Q|TL|TUQ)\.\s)", one_line[0])]
        name = one_line[1]
    elif not lines[-1].isupper() and len(lines[-1].split()) <= 6:
        name = lines[-1]
        lines = lines[:-1]
    upper = [line for line in lines if line.isupper() or _SIGN_AUTHORITY.match(line)]
    # "KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG" may arrive as one line: split after the authority.
    split: list[str] = []
    for line in upper[-6:]:
        parts = re.split(r"\s{2,}|\n", line)
        split.extend(p.strip() for p in parts if p.strip())
    split = _split_authority_and_position(split)
    authority: list[str] = []
    positions: list[str] = []
    for index, part in enumerate(split):
        if _SIGN_AUTHORITY.match(part):
            authority.append(part)
            positions = []
        elif authority and any(_SIGN_AUTHORITY.match(p) for p in split[index + 1 :]):
            authority[-1] = f"{authority[-1]} {part}"  # "TM. ỦY BAN NHÂN" / "DÂN"
        else:
            positions.append(part)
    return Signature(
        authority="; ".join(authority) or None,
        position=" ".join(positions) if positions else None,
        name=name,
    )


_AUTHORITY_HEADS = (
    r"(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ|TRƯỞNG PHÒNG|ỦY BAN NHÂN DÂN|"
    r"UỶ BAN NHÂN DÂN|UBND)"
)


def _split_authority_and_position(parts: list[str]) -> list[str]:
    """ "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" -> "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"."""
    out: list[str] = []
    for part in parts:
        match = re.match(r"^((?:KT|Q|TL|TUQ)\.?\s+" + _AUTHORITY_HEADS + r")\s+(\S.*)$", part)
        if match and _SIGN_AUTHORITY.match(part):
            out.extend([match.group(1), match.group(2)])
        else:
            out.append(part)
    return out


def _place(text: str) -> str | None:
    """The place name before ", ngày": the trailing run of capitalised words ("Lào Cai")."""
    words = re.split(r"[\s|]+", text.strip(" *_|"))
    place: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word[:1].isupper() and (word[1:].islower() or len(word) == 1 or word.endswith(".")):
            place.insert(0, word)
        elif word in ("phố", "xã", "trấn") and i > 0 and words[i - 1] in ("Thành", "Thị"):
            place.insert(0, word)  # "Thành phố Hồ Chí Minh", "Thị xã …"
        elif word in ("-", "–") and place and i > 0 and words[i - 1][:1].isupper():
            place.insert(0, "-")  # "Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm"
        else:
            break
    return " ".join(place) or None
