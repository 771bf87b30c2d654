"""The Indonesian catalogue (bimkemas/locale/id) is complete, safe to format and compiled.

Indonesian is the default language, so an empty or fuzzy entry shows English to every user and
a msgstr that drops or renames a placeholder raises KeyError when the string is formatted.
The .po file is read with a small parser here so the tests need neither polib nor gettext tools.
"""

import ast
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from config import settings as project_settings

PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifeEgGxXorc]|%[sdif]|\{\w*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    def __str__(self) -> str:
        return f"line {self.line}: {self.msgid!r}"


def catalogue_path() -> Path:
    return Path(settings.LOCALE_PATHS[0]) / "id" / "LC_MESSAGES" / "django.po"


def parse_po(text: str) -> list[Entry]:
    """Entries of a .po file, the header (msgid "") included; obsolete (#~) entries skipped."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal entry, target
        if entry.line:
            entries.append(entry)
        entry, target = Entry(), None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line:
                finish()
            continue
        if line.startswith("#,"):
            if target is not None and target[0] == "msgstr":
                finish()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.fullmatch(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")", line)
        if match:
            keyword, index, literal = match.groups()
            if keyword in ("msgctxt", "msgid") and target is not None and target[0] == "msgstr":
                finish()
            if not entry.line:
                entry.line = number
            target = (keyword, int(index or 0))
            value = ast.literal_eval(literal)
        elif line.startswith('"') and target is not None:
            value = ast.literal_eval(line)
        else:
            raise AssertionError(f"{catalogue_path()}:{number}: cannot parse {raw!r}")
        keyword, index = target
        if keyword == "msgstr":
            entry.msgstr[index] = entry.msgstr.get(index, "") + value
        else:
            setattr(entry, keyword, (getattr(entry, keyword) or "") + value)
    finish()
    return entries


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text.replace("%%", "")))


def tags(text: str) -> Counter[str]:
    return Counter(HTML_TAG.findall(text))


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    path = catalogue_path()
    assert path.exists(), f"{path} is missing: run makemessages -l id in bimkemas/"
    return parse_po(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def messages(entries) -> list[Entry]:
    return [entry for entry in entries if entry.msgid]


def test_the_header_declares_indonesian_without_plurals(entries):
    header = entries[0]
    assert header.msgid == ""
    assert "fuzzy" not in header.flags
    assert "Language: id\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=1; plural=0;\n" in header.msgstr[0]


def test_the_catalogue_has_messages(messages):
    # The parser found the entries: a broken parse must not make the checks below vacuous.
    assert len(messages) > 100
    assert len({(e.msgctxt, e.msgid) for e in messages}) == len(messages)


def test_every_message_is_translated_and_not_fuzzy(messages):
    fuzzy = [str(e) for e in messages if "fuzzy" in e.flags]
    empty = [str(e) for e in messages if not all(e.msgstr.values()) or not e.msgstr]
    assert not fuzzy, "fuzzy entries:\n" + "\n".join(fuzzy)
    assert not empty, "untranslated entries:\n" + "\n".join(empty)


def test_plural_messages_have_exactly_one_form(messages):
    wrong = [str(e) for e in messages if e.msgid_plural is not None and set(e.msgstr) != {0}]
    assert not wrong, "Indonesian has one plural form (msgstr[0] only):\n" + "\n".join(wrong)


def test_placeholders_and_markup_are_kept(messages):
    wrong = []
    for e in messages:
        source = e.msgid_plural if e.msgid_plural is not None else e.msgid
        for translated in e.msgstr.values():
            if placeholders(translated) != placeholders(source):
                wrong.append(f"{e}: placeholders {dict(placeholders(translated))}")
            if tags(translated) != tags(source):
                wrong.append(f"{e}: markup {dict(tags(translated))}")
    assert not wrong, "\n".join(wrong)


def test_the_compiled_catalogue_matches_the_po_file(messages):
    """Fails when the .po was edited without running compilemessages (django.mo is committed)."""
    stale = []
    with translation.override("id"):
        for e in messages:
            if e.msgid_plural is not None and e.msgctxt:
                got = translation.npgettext(e.msgctxt, e.msgid, e.msgid_plural, 2)
            elif e.msgid_plural is not None:
                got = translation.ngettext(e.msgid, e.msgid_plural, 2)
            elif e.msgctxt:
                got = translation.pgettext(e.msgctxt, e.msgid)
            else:
                got = translation.gettext(e.msgid)
            if got != e.msgstr[0]:
                stale.append(f"{e}: {got!r} != {e.msgstr[0]!r}")
    assert not stale, "run compilemessages in bimkemas/:\n" + "\n".join(stale)


def test_the_login_page_is_indonesian_by_default(client, db, settings):
    # Read the project's default from config.settings itself, so that a test-wide switch to
    # English (for tests that assert English messages) cannot hide a wrong default.
    assert project_settings.LANGUAGE_CODE == "id"
    settings.LANGUAGE_CODE = project_settings.LANGUAGE_CODE

    response = client.get(reverse("login"))

    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "Masuk" in body
    assert "Kata sandi" in body
    assert "Log in" not in body


def test_the_parser_reads_plurals_flags_and_continuations():
    text = (
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n'
        '#: a.html:1\n#, python-format\nmsgid "%(n)s event"\nmsgid_plural "%(n)s events"\n'
        'msgstr[0] "%(n)s catatan"\n\n'
        '#, fuzzy\nmsgid ""\n"Long "\n"text"\nmsgstr "Teks "\n"panjang"\n'
        '#~ msgid "Old"\n#~ msgstr "Lama"\n'
    )

    header, plural, long = parse_po(text)

    assert header.msgstr == {0: "Language: id\n"}
    assert (plural.msgid, plural.msgid_plural, plural.msgstr) == (
        "%(n)s event",
        "%(n)s events",
        {0: "%(n)s catatan"},
    )
    assert plural.flags == {"python-format"}
    assert (long.msgid, long.msgstr, long.flags) == ("Long text", {0: "Teks panjang"}, {"fuzzy"})
