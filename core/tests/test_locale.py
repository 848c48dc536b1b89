"""The English catalogue (locale/en) covers every string of the code, each one translated.

The catalogue is refreshed from the code into a scratch folder exactly as `make messages` does
(manage.py makemessages, merged with the committed .po files), so a string added to a template,
a Python module or static/js without its English fails here, named with the file it comes from.
"""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOGUES = ("django", "djangojs")
# The folders each catalogue is not read from, as in the Makefile's `messages` target.
IGNORE = {
    "django": [".venv", "node_modules", "var", "static"],
    "djangojs": [".venv", "node_modules", "var", "static/vendor"],
}
PLACEHOLDER = re.compile(r"%%|%\(\w+\)[0-9.]*[sdf]|%[sd]|\{\w*\}")


def _unquote(line: str) -> str:
    text = line[line.index('"') + 1 : line.rindex('"')]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file (the header and obsolete #~ entries left out): msgid,
    msgid_plural, msgstr as a list (msgstr[0], msgstr[1]… or the one msgstr), flags, refs."""
    entries, entry, key = [], {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip() or (line.startswith("#") and key == "msgstr"):
            if entry.get("msgid"):
                entries.append(entry)
            entry, key = {}, None
        if line.startswith("#:"):
            entry.setdefault("refs", []).extend(line[2:].split())
        elif line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif line.startswith(("msgid_plural ", "msgid ", "msgstr")):
            key = line.split()[0].split("[")[0]
            if key == "msgstr":
                entry.setdefault("msgstr", []).append(_unquote(line))
            else:
                entry[key] = _unquote(line)
        elif line.startswith('"') and key == "msgstr":
            entry["msgstr"][-1] += _unquote(line)
        elif line.startswith('"') and key:
            entry[key] += _unquote(line)
    return entries


def problems(entries: list[dict]) -> list[str]:
    """Entries a person would see in Vietnamese or wrongly filled in English."""
    found = []
    for e in entries:
        where = " ".join(e.get("refs", [])[:2])
        if "fuzzy" in e.get("flags", ()):
            found.append(f"fuzzy (a guess to check): {e['msgid']!r}  [{where}]")
        elif not all(e.get("msgstr", [""])):
            found.append(f"untranslated: {e['msgid']!r}  [{where}]")
        else:
            sources = [e["msgid"], e.get("msgid_plural", e["msgid"])]
            for source, text in zip(sources * len(e["msgstr"]), e["msgstr"], strict=False):
                if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                    found.append(f"placeholders differ: {source!r} → {text!r}  [{where}]")
    return found


SKIP = {".git", ".venv", "node_modules", "var", "vendor", "__pycache__", "staticfiles", "media"}
SOURCES = (".py", ".html", ".txt", ".js", ".po")


def _only_sources(folder, names):
    return [
        n for n in names if n in SKIP or (Path(folder, n).is_file() and not n.endswith(SOURCES))
    ]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A copy of the sources and of locale/*.po: makemessages writes to the locale/ folder of the
    tree it reads, so it runs on the copy and the checkout is left as it is."""
    root = tmp_path_factory.mktemp("sources") / "project"
    shutil.copytree(settings.BASE_DIR, root, ignore=_only_sources)
    return root


@pytest.mark.parametrize("domain", CATALOGUES)
def test_every_string_of_the_code_has_its_english(domain, scratch, settings, monkeypatch):
    monkeypatch.chdir(scratch)
    settings.LOCALE_PATHS = [scratch / "locale"]
    call_command(
        "makemessages", locale=["en"], domain=domain, ignore_patterns=IGNORE[domain],
        no_obsolete=True, verbosity=0,
    )  # fmt: skip
    entries = read_po(scratch / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po")
    assert len(entries) > (500 if domain == "django" else 5)
    left = problems(entries)
    assert not left, (
        f"{len(left)} entries of locale/en/LC_MESSAGES/{domain}.po need English. Run "
        "`make messages`, then translate each in that file (no fuzzy flag left):\n  "
        + "\n  ".join(left)
    )


@pytest.mark.parametrize("domain", CATALOGUES)
def test_the_committed_catalogue_is_complete_and_compiled(domain):
    po = LOCALE / "en" / "LC_MESSAGES" / f"{domain}.po"
    assert not problems(read_po(po))
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, (
        f"{mo.relative_to(settings.BASE_DIR)} is missing or older than its .po: run "
        "`make compilemessages` (make run and make test do)"
    )


def test_the_reader_sees_untranslated_fuzzy_and_broken_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: a.html:1\nmsgid "Kế hoạch"\nmsgstr "Plan"\n\n'
        '#: a.html:2\nmsgid "Chỉ tiêu"\nmsgstr ""\n\n'
        '#: b.py:3\n#, fuzzy, python-format\nmsgid "Có %(n)s việc"\nmsgstr "%(n)s jobs"\n\n'
        '#: b.py:4\n#, python-format\nmsgid "%(n)s đơn vị"\nmsgid_plural "%(n)s đơn vị"\n'
        'msgstr[0] "%(n)s unit"\nmsgstr[1] "units"\n\n'
        '#~ msgid "Cũ"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = read_po(po)
    assert [e["msgid"] for e in entries] == [
        "Kế hoạch",
        "Chỉ tiêu",
        "Có %(n)s việc",
        "%(n)s đơn vị",
    ]
    assert [p.split(":")[0] for p in problems(entries)] == [
        "untranslated",
        "fuzzy (a guess to check)",
        "placeholders differ",
    ]
