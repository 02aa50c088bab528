"""The translation catalogues are complete, and the templates know every msgid in the sources.

Pure Python, no Plone layer. When a test here fails, run ``scripts/i18n.sh``
(``make i18n``) and fill in the msgstr it lists as empty.

Each .po file is compiled exactly as zope.i18n compiles it at start-up
(python-gettext's Msgfmt), and the result is read back with the standard
``gettext`` module, so "translated" here means what Plone will really show:
an empty or fuzzy msgstr counts as missing, because neither is compiled.
"""

from pathlib import Path
from pythongettext.msgfmt import Msgfmt

import ast
import gettext
import io
import os
import plone.app.locales
import pytest
import re
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "vaasa" / "somementor"
LOCALES = PACKAGE / "locales"
LANGUAGES = ("fi", "sv")
DOMAINS = ("vaasa.somementor", "plone", "zope", "plonelocales")
# Read from the sources by i18ndude; zope.pot (zope.schema's messages) and
# plonelocales.pot (date and time formats) are kept by hand.
EXTRACTED = ("vaasa.somementor", "plone")
# The stock msgids of the plone domain (plone.app.event, plone.app.layout) that the
# demo pages show and plone.app.locales leaves untranslated: merged into plone.pot.
PLONE_MANUAL = LOCALES / "plone-manual.pot"
# The variables plone.base.i18nl10n.ulocalized_time fills in a plonelocales format.
DATE_VARIABLES = {"A", "a", "B", "b", "H", "I", "m", "d", "M", "p", "S", "Y", "y", "Z"}
CATALOGUES = [(domain, language) for domain in DOMAINS for language in LANGUAGES]
FIX = "Run scripts/i18n.sh, then fill in every empty msgstr."


def read_po(path, defaults=None):
    """Return ({msgid: msgstr}, {msgid: flags}) of a .pot or .po file, unescaped.

    A tiny reader for what i18ndude writes: comments, flags, msgctxt,
    multi-line strings. Obsolete (#~) entries are skipped. The header entry
    (msgid "") is kept. Given a dict as ``defaults``, it also collects each
    entry's English default (its ``#. Default: "..."`` comment) there.
    """
    messages, flags = {}, {}
    entry, field, entry_flags, default = {}, None, set(), None

    def flush():
        nonlocal entry, field, entry_flags, default
        if "msgid" in entry:
            messages[entry["msgid"]] = entry.get("msgstr", "")
            flags[entry["msgid"]] = entry_flags
            if defaults is not None and default is not None:
                defaults[entry["msgid"]] = default
        entry, field, entry_flags, default = {}, None, set(), None

    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#~"):
            if not line:
                flush()
            continue
        if line.startswith("#,"):
            entry_flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#. Default: "):
            default = ast.literal_eval(line[len("#. Default: ") :])
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = None, line
        elif keyword in ("msgid", "msgstr", "msgctxt", "msgid_plural") or keyword.startswith(
            "msgstr["
        ):
            if keyword == "msgid" and "msgid" in entry:
                flush()
            field = "msgstr" if keyword.startswith("msgstr[") and "msgstr" not in entry else keyword
            entry.setdefault(field, "")
        else:
            raise AssertionError(f"{path}:{number}: cannot read {line!r}")
        if field is None:
            raise AssertionError(f"{path}:{number}: string outside an entry")
        try:
            entry[field] += ast.literal_eval(rest)
        except (SyntaxError, ValueError) as error:
            raise AssertionError(f"{path}:{number}: bad string {rest!r}") from error
    flush()
    return messages, flags


def msgids(path):
    return set(read_po(path)[0]) - {""}


def compiled(path):
    """The catalogue zope.i18n would load from ``path``, as a gettext object."""
    with open(path, "rb") as po:
        mo = Msgfmt(po, os.path.basename(path)).get()
    return gettext.GNUTranslations(io.BytesIO(mo))


def po_path(domain, language):
    return LOCALES / language / "LC_MESSAGES" / f"{domain}.po"


def pot_path(domain):
    return LOCALES / f"{domain}.pot"


# --- the catalogues ----------------------------------------------------------


@pytest.mark.parametrize("domain", DOMAINS)
def test_pot_exists_and_has_msgids(domain):
    assert pot_path(domain).is_file(), FIX
    assert msgids(pot_path(domain))


@pytest.mark.parametrize(("domain", "language"), CATALOGUES)
def test_po_headers(domain, language):
    info = compiled(po_path(domain, language)).info()
    assert info.get("language") == language
    assert info.get("domain") == domain
    assert info.get("content-type", "").lower().replace(" ", "") == "text/plain;charset=utf-8"
    assert info.get("plural-forms") == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize(("domain", "language"), CATALOGUES)
def test_every_msgid_is_translated(domain, language):
    """Missing, empty and fuzzy msgstr all fail: none of them reaches the visitor."""
    catalogue = compiled(po_path(domain, language))._catalog
    untranslated = sorted(m for m in msgids(pot_path(domain)) if not catalogue.get(m))
    assert not untranslated, (
        f"{len(untranslated)} msgid(s) of {domain}.pot have no {language} translation "
        f"in {po_path(domain, language).relative_to(ROOT)}: {untranslated}. {FIX}"
    )


@pytest.mark.parametrize(("domain", "language"), CATALOGUES)
def test_no_stale_msgids(domain, language):
    stale = sorted(msgids(po_path(domain, language)) - msgids(pot_path(domain)))
    assert not stale, f"{language}/{domain}.po has msgids the .pot lacks: {stale}. {FIX}"


PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")


@pytest.mark.parametrize(("domain", "language"), [c for c in CATALOGUES if c[0] != "plonelocales"])
def test_placeholders_are_kept(domain, language):
    """A msgstr has the ${...} of its msgid, or of its default where the msgid is an id."""
    defaults = {}
    messages, _ = read_po(po_path(domain, language), defaults)
    wrong = {
        msgid: msgstr
        for msgid, msgstr in messages.items()
        if msgid
        and msgstr
        and sorted(PLACEHOLDER.findall(defaults.get(msgid, msgid)))
        != sorted(PLACEHOLDER.findall(msgstr))
    }
    assert not wrong, f"${{...}} placeholders differ between msgid and msgstr: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_date_formats_use_known_variables(language):
    """A plonelocales format is filled in by ulocalized_time: an unknown ${x} stays as it is."""
    messages, _ = read_po(po_path("plonelocales", language))
    unknown = {
        msgid: msgstr
        for msgid, msgstr in messages.items()
        if msgid and set(PLACEHOLDER.findall(msgstr)) - DATE_VARIABLES
    }
    assert not unknown, f"Only {sorted(DATE_VARIABLES)} are filled in: {unknown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_times_in_finnish_style(language):
    """13.00, not 1:00 PM or 13:00: Finnish and Finland-Swedish write hours with a dot."""
    messages = compiled(po_path("plonelocales", language))._catalog
    assert messages["time_format"] == "${H}.${M}"
    assert "${H}.${M}" in messages["date_format_long"]


@pytest.mark.parametrize(("domain", "language"), CATALOGUES)
def test_no_fuzzy_entries(domain, language):
    _, flags = read_po(po_path(domain, language))
    fuzzy = sorted(msgid for msgid, flag_set in flags.items() if msgid and "fuzzy" in flag_set)
    assert not fuzzy, f"Check these, then drop their '#, fuzzy' line: {fuzzy}"


# --- the sources against the templates --------------------------------------


def i18ndude():
    found = Path(sys.executable).with_name("i18ndude")
    return str(found) if found.exists() else shutil.which("i18ndude")


def rebuilt_msgids(tmp_path, domain):
    """What scripts/i18n.sh would put in the .pot of ``domain`` now."""
    pot = tmp_path / f"{domain}.pot"
    if domain == "vaasa.somementor":
        command = ["--merge", "locales/manual.pot", "--exclude", "locales", "."]
    else:
        command = ["--merge", "locales/plone-manual.pot", "profiles"]
    subprocess.run(
        [i18ndude(), "rebuild-pot", "--no-line-numbers", "--create", domain, "--pot", str(pot)]
        + command,
        cwd=PACKAGE,
        check=True,
        capture_output=True,
    )
    found = msgids(pot)
    if domain == "plone":
        found -= translated_by_plone_core() - msgids(PLONE_MANUAL)
    return found


def translated_by_plone_core():
    """Msgids of the plone domain that plone.app.locales translates in all our languages."""
    core = Path(plone.app.locales.__file__).parent / "locales"
    sets = [set(compiled(core / lang / "LC_MESSAGES" / "plone.po")._catalog) for lang in LANGUAGES]
    return set.intersection(*sets)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    if not i18ndude():
        pytest.fail("i18ndude is not installed: pip install -e '.[test]'")
    tmp_path = tmp_path_factory.mktemp("pot")
    return {domain: rebuilt_msgids(tmp_path, domain) for domain in EXTRACTED}


@pytest.mark.parametrize("domain", EXTRACTED)
def test_sources_msgids_are_in_pot(rebuilt, domain):
    missing = sorted(rebuilt[domain] - msgids(pot_path(domain)))
    assert not missing, f"{domain}.pot lacks msgids used in the sources: {missing}. {FIX}"


@pytest.mark.parametrize("domain", EXTRACTED)
def test_pot_has_no_msgids_the_sources_dropped(rebuilt, domain):
    stale = sorted(msgids(pot_path(domain)) - rebuilt[domain])
    assert not stale, f"{domain}.pot has msgids no source uses any more: {stale}. {FIX}"


@pytest.mark.parametrize(
    "msgid",
    [
        "box_events",  # "Upcoming Events", the portlet's title
        "box_previous_events",
        "box_upcoming_events",
        "future_events",  # the programme's heading
        "past_events",
        "mode_past_link",  # "Past"
        "mode_future_link",
        "event_when_sameday",  # "${date} from ${starttime} to ${endtime}"
        "event_when_differentday",
        "event_when",
        "event_where",
        "heading_add_to_calendar",
    ],
)
def test_stock_event_msgids_are_ours_to_translate(msgid):
    """plone.app.event's visible msgids core leaves empty in fi/sv stay in plone.pot."""
    assert msgid in msgids(PLONE_MANUAL)
    assert msgid in msgids(pot_path("plone"))
    for language in LANGUAGES:
        assert compiled(po_path("plone", language))._catalog.get(msgid), (msgid, language)


def test_departments_in_registry_are_msgids():
    """The registry's department names are translated at run time with _(title)."""
    registry = (PACKAGE / "profiles" / "default" / "registry.xml").read_text(encoding="utf-8")
    record = registry.split('name="vaasa.somementor.departments"', 1)[1].split("</record>", 1)[0]
    names = set(re.findall(r"<element key=\"[^\"]*\">([^<]+)</element>", record))
    assert names
    missing = sorted(names - msgids(LOCALES / "manual.pot"))
    assert not missing, f"Add these department names to locales/manual.pot: {missing}. {FIX}"
