"""Mutations of real files for the import fuzz tests (hypothesis strategies): bytes replaced,
a file cut short, one zip part's XML edited and the zip rebuilt (so the damage reaches the
parser, past the zip's checksums), a part's "version needed to extract" raised to 8.6."""

import io
import struct
import zipfile

from hypothesis import strategies as st

XML_NOISE = st.sampled_from(
    [
        "",
        "<",
        ">",
        "</w:tc>",
        '<w:gridSpan w:val="99999999"/>',
        "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
        "&a;",
        '<c r="A99999999"><v>1</v></c>',
        '<c r="XFD1" t="s"><v>999999</v></c>',
        "<v>-1e24</v>",
        "<v>NaN</v>",
        '<dimension ref="A1:XFD1048576"/>',
        "\x00",
        "²",
        '=WEBSERVICE("http://x")',
    ]
)


def _rezip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def raise_zip_version(data: bytes) -> bytes:
    """Every local and central header asks for zip version 8.6 to extract."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):
        start = raw.find(signature)
        while start != -1:
            struct.pack_into("<H", raw, start + offset, 86)
            start = raw.find(signature, start + 4)
    return bytes(raw)


@st.composite
def mutated_zip(draw, original: bytes) -> bytes:
    """One mutation of a zip-based file (.xlsx, .docx)."""
    kind = draw(st.sampled_from(["bytes", "cut", "part", "part", "part", "version"]))
    if kind == "bytes":
        raw = bytearray(original)
        for _ in range(draw(st.integers(1, 8))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return bytes(raw)
    if kind == "cut":
        return original[: draw(st.integers(0, len(original) - 1))]
    if kind == "version":
        return raise_zip_version(original)
    parts = _parts(original)
    name = draw(st.sampled_from(sorted(parts)))
    text = parts[name].decode("utf-8", errors="replace")
    at = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, 200))
    inserted = draw(XML_NOISE) + draw(st.text(max_size=20))
    parts[name] = (text[:at] + inserted + text[at + cut :]).encode()
    if draw(st.booleans()):
        parts.pop(draw(st.sampled_from(sorted(parts))))
    return _rezip(parts)


@st.composite
def mutated_bytes(draw, original: bytes) -> bytes:
    """One mutation of any file: bytes replaced, a stretch cut out or inserted, the end cut."""
    raw = bytearray(original)
    kind = draw(st.sampled_from(["bytes", "splice", "cut"]))
    if kind == "bytes":
        for _ in range(draw(st.integers(1, 16))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return bytes(raw)
    if kind == "cut":
        return bytes(raw[: draw(st.integers(0, len(raw) - 1))])
    at = draw(st.integers(0, len(raw)))
    cut = draw(st.integers(0, 2000))
    return bytes(raw[:at]) + draw(st.binary(max_size=200)) + bytes(raw[at + cut :])
