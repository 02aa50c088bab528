"""Let the add-on's catalogues win over plone.app.locales' for a msgid both translate.

zope.i18n merges every package's catalogue of a domain and language into one
translation domain, and a msgid comes from the first catalogue that has it, in
the order the ZCML registered them. Products.CMFPlone includes plone.app.locales
before plone.autoinclude loads add-ons, so core always comes first: an add-on can
fill what core leaves untranslated, but not correct what it translates (such as
the Swedish ``time_format`` of plonelocales, Sweden's 13:00 where Finland-Swedish
writes 13.00). The ``preferTranslations`` directive (locales.zcml) moves this
package's catalogues of the named domains to the front, once all are registered.
"""

from pathlib import Path
from zope.component import queryUtility
from zope.configuration.fields import Tokens
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface
from zope.schema import TextLine


LOCALES = Path(__file__).parent / "locales"


class IPreferTranslations(Interface):
    domains = Tokens(
        title="Translation domains whose msgids the add-on's catalogues decide first",
        value_type=TextLine(),
    )


def prefer_translations(_context, domains):
    # Registered as an action, it runs after the registerTranslations actions queued
    # before it: in a started Zope, plone.app.locales' and this package's own.
    for domain in domains:
        _context.action(
            discriminator=("vaasa.somementor.preferTranslations", domain),
            callable=put_first,
            args=(domain,),
        )


def put_first(domain, locales=LOCALES):
    """Move the catalogues from ``locales`` to the front of ``domain``, for every language."""
    translations = queryUtility(ITranslationDomain, name=domain)
    if translations is None:
        return
    ours = str(locales) + "/"
    # TranslationDomain keeps the lookup order per language in ``_catalogs``, a list of
    # catalogue ids; a gettext catalogue's id is the path of its .mo file.
    for language, names in translations._catalogs.items():
        mine = [name for name in names if str(name).startswith(ours)]
        if mine:
            translations._catalogs[language] = mine + [n for n in names if n not in mine]
