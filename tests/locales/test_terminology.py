"""The catalogues keep to the terminology table, locales/TERMS.rst.

One idea, one word: where a msgid's English names a concept of the table, its
Finnish and Swedish texts use that concept's word. Pure Python, no Plone layer.
"""

from pathlib import Path
from test_catalogues import read_po

import pytest
import re


ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "src" / "vaasa" / "somementor" / "locales"
TERMS = LOCALES / "TERMS.rst"
# Our two catalogues: the add-on's own, and the workflow titles in the plone domain.
DOMAINS = ("vaasa.somementor", "plone")
LANGUAGES = ("fi", "sv")
PLACEHOLDER = re.compile(r"\$\{\w+\}")


def list_tables(path):
    """{caption: [row, ...]} of the ``.. list-table::`` directives of an .rst file."""
    tables, rows, caption = {}, None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. list-table::"):
            caption = line.partition("::")[2].strip()
            rows = tables.setdefault(caption, [])
        elif rows is not None and line.startswith("   * - "):
            rows.append([line[len("   * - ") :].strip()])
        elif rows is not None and line.startswith("     - "):
            rows[-1].append(line[len("     - ") :].strip())
        elif rows is not None and line and not line.startswith(" "):
            rows = None
    # The first row of each table is its header.
    return {caption: found[1:] for caption, found in tables.items()}


def _stem(cell):
    """The stems a msgstr may hold, any one of them; None for "\\-", documentation only."""
    if cell.replace("\\", "") in ("-", ""):
        return None
    return tuple(stem.strip().lower() for stem in cell.split(" / "))


def terms():
    """[(english phrase, fi stem, sv stem)], longest phrase first."""
    found = []
    for row in list_tables(TERMS)["Terms"]:
        english = re.sub(r"\s*\(.*\)$", "", row[0]).lower()
        found.append((english, _stem(row[3]), _stem(row[4])))
    return sorted(found, key=lambda term: -len(term[0]))


def exceptions():
    return {(row[0].lower(), row[1]) for row in list_tables(TERMS)["Exceptions"]}


def forbidden():
    return [row[0] for row in list_tables(TERMS)["Forbidden"]]


def catalogue(domain, language):
    """[(msgid, English text, msgstr)] of one catalogue; the English is the default if any."""
    defaults = {}
    messages, _flags = read_po(
        LOCALES / language / "LC_MESSAGES" / f"{domain}.po", defaults=defaults
    )
    return [
        (msgid, defaults.get(msgid, msgid), msgstr) for msgid, msgstr in messages.items() if msgid
    ]


def _contains(text, phrase):
    return re.search(rf"\b{re.escape(phrase)}\b", text, re.I) is not None


def violations(domain, language):
    index = LANGUAGES.index(language)
    skip = exceptions()
    wrong = []
    for msgid, english, msgstr in catalogue(domain, language):
        # ${training} is a name filled in, not the word "training".
        english = PLACEHOLDER.sub("", english)
        covered = []
        for phrase, *stems in terms():
            if not _contains(english, phrase):
                continue
            # "training event" already speaks for "training" and "event".
            if any(_contains(longer, phrase) for longer in covered):
                continue
            covered.append(phrase)
            stem = stems[index]
            if stem is None or (phrase, msgid) in skip:
                continue
            if not any(one in msgstr.lower() for one in stem):
                wrong.append(f"{phrase!r} -> {stem!r}: {msgid!r} = {msgstr!r}")
    return wrong


def test_the_table_reads():
    found = {phrase for phrase, _fi, _sv in terms()}
    for phrase in ("mentor", "loan request", "loan desk", "scheduled", "education"):
        assert phrase in found
    assert "Saatavuus" in forbidden()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogues_use_the_terms(domain, language):
    wrong = violations(domain, language)
    assert not wrong, (
        f"{domain} {language}: use the word of locales/TERMS.rst, or list the msgid "
        "there as a deliberate exception:\n" + "\n".join(wrong)
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_no_forbidden_words(domain, language):
    found = [
        (word, msgid)
        for msgid, _english, msgstr in catalogue(domain, language)
        for word in forbidden()
        if word.lower() in msgstr.lower()
    ]
    assert not found, f"{domain} {language}: words TERMS.rst rules out: {found}"


def test_a_violation_is_found(tmp_path, monkeypatch):
    """The check bites: a msgstr without the term's stem is reported."""
    monkeypatch.setattr(
        "test_terminology.catalogue",
        lambda domain, language: [("Loan desk", "Loan desk", "Lainaustiski")],
    )
    assert violations("vaasa.somementor", "fi") == [
        "'loan desk' -> ('lainapyyn',): 'Loan desk' = 'Lainaustiski'"
    ]
