#!/usr/bin/env bash
# Rebuild the translation templates (.pot) from the sources and sync the
# Finnish and Swedish catalogues (.po) with them, for both domains:
#
#   vaasa.somementor  Python _(), templates, ZCML, GenericSetup XML,
#                     plus locales/manual.pot (msgids no _() call shows,
#                     such as the department names from the registry)
#   plone             the titles in our workflow definitions, minus the
#                     msgids Plone core (plone.app.locales) already translates,
#                     plus locales/plone-manual.pot (stock Plone and
#                     plone.app.event msgids the pages show untranslated),
#                     which stay even where core translates them
#
# The plonelocales (date and time formats) and zope catalogues are kept by hand.
#
# Run it as often as you like (`make i18n`): a file is rewritten only when a
# msgid or a reference changed, so a run with nothing new leaves git clean.
# New msgids arrive in the .po files with an empty msgstr; the script lists
# them at the end. Fill them in, then run tests/locales.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${BIN:-$PWD/.venv/bin}
I18NDUDE=$BIN/i18ndude
PYTHON=$BIN/python
PACKAGE=src/vaasa/somementor
LOCALES=$PACKAGE/locales
LANGUAGES=(fi sv)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Replace $2 by $1 unless they differ only in the POT-Creation-Date line.
replace_if_changed() {
    local new=$1 old=$2
    if [[ -f $old ]] && diff -q \
        <(grep -v '^"POT-Creation-Date: ' "$new") \
        <(grep -v '^"POT-Creation-Date: ' "$old") >/dev/null; then
        return 0
    fi
    cp "$new" "$old"
    echo "updated $old"
}

# A .pot/.po header for language $1 in domain $2, revised at $3.
new_header() {
    local language=$1 domain=$2 revised=$3 name team
    case $language in
        en) name=English team=vaasa.somementor ;;
        fi) name=Suomi team=Finnish ;;
        sv) name=Svenska team=Swedish ;;
        *) name=$language team=$language ;;
    esac
    cat <<EOF
msgid ""
msgstr ""
"Project-Id-Version: vaasa.somementor\n"
"POT-Creation-Date: YEAR-MO-DA HO:MI +ZONE\n"
"PO-Revision-Date: $revised\n"
"Last-Translator: vaasa.somementor\n"
"Language-Team: $team\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"Language-Code: $language\n"
"Language-Name: $name\n"
"Preferred-Encodings: utf-8\n"
"Domain: $domain\n"
EOF
    # A template has no language; a catalogue must say which it is.
    [[ $language == en ]] || echo "\"Language: $language\\n\""
}

sync_po_files() {
    local domain=$1 language po
    for language in "${LANGUAGES[@]}"; do
        po=$LOCALES/$language/LC_MESSAGES/$domain.po
        mkdir -p "$(dirname "$po")"
        [[ -f $po ]] || new_header "$language" "$domain" "$(date -u '+%Y-%m-%d %H:%M+0000')" >"$po"
        cp "$po" "$TMP/$language-$domain.po"
        "$I18NDUDE" sync --pot "$LOCALES/$domain.pot" "$TMP/$language-$domain.po" >/dev/null
        replace_if_changed "$TMP/$language-$domain.po" "$po"
    done
}

mkdir -p "$LOCALES"

# --- vaasa.somementor --------------------------------------------------------
# The header of the .pot comes from manual.pot.
(
    cd "$PACKAGE"
    "$I18NDUDE" rebuild-pot --no-line-numbers --create vaasa.somementor \
        --pot "$TMP/vaasa.somementor.pot" --merge locales/manual.pot \
        --exclude "locales" .
)
replace_if_changed "$TMP/vaasa.somementor.pot" "$LOCALES/vaasa.somementor.pot"
sync_po_files vaasa.somementor

# --- plone (workflow titles, stock msgids core lacks) ------------------------
# The header of the .pot comes from plone-manual.pot, merged into the last run's.
if [[ -f $LOCALES/plone.pot ]]; then
    cp "$LOCALES/plone.pot" "$TMP/plone.pot"
else
    new_header en plone "YEAR-MO-DA HO:MI +ZONE" >"$TMP/plone.pot"
fi
(
    cd "$PACKAGE"
    "$I18NDUDE" rebuild-pot --no-line-numbers --pot "$TMP/plone.pot" \
        --merge locales/plone-manual.pot profiles
)
# Drop what plone.app.locales translates in every one of our languages
# ("Published", "Private", ...): core's wording stays the one users know.
# plone-manual.pot's msgids stay: they are there to fill or correct core's.
"$PYTHON" - "$TMP/plone.pot" "$LOCALES/plone-manual.pot" "${LANGUAGES[@]}" <<'EOF'
import os
import sys

import plone.app.locales
from i18ndude.catalog import MessageCatalog
from i18ndude.catalog import POWriter

pot, manual, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
core = os.path.join(os.path.dirname(plone.app.locales.__file__), "locales")
translated = None
for language in languages:
    catalog = MessageCatalog(
        filename=os.path.join(core, language, "LC_MESSAGES", "plone.po")
    )
    ids = {msgid for msgid, entry in catalog.items() if entry.msgstr}
    translated = ids if translated is None else translated & ids
translated -= set(MessageCatalog(filename=manual))
ours = MessageCatalog(filename=pot)
for msgid in list(ours):
    if msgid in translated:
        del ours[msgid]
with open(pot, "w") as file:
    POWriter(file, ours).write(msgstrToComment=True)
EOF
replace_if_changed "$TMP/plone.pot" "$LOCALES/plone.pot"
sync_po_files plone

# --- What is left to translate -----------------------------------------------
"$PYTHON" - "$LOCALES" <<'EOF'
import glob
import os
import sys

from i18ndude.catalog import MessageCatalog

locales = sys.argv[1]
todo = 0
for po in sorted(glob.glob(os.path.join(locales, "*", "LC_MESSAGES", "*.po"))):
    catalog = MessageCatalog(filename=po)
    missing = [
        msgid
        for msgid, entry in catalog.items()
        if not entry.msgstr or any("fuzzy" in c for c in entry.comments)
    ]
    print(f"{os.path.relpath(po, locales)}: {len(catalog)} msgids, {len(missing)} to translate")
    for msgid in missing:
        print(f"    {msgid}")
    todo += len(missing)
if todo:
    print(f"{todo} empty or fuzzy msgstr: fill them in, then run pytest tests/locales")
EOF
