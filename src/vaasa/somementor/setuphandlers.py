from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


DISPLAYED_TYPES = ("MentorDirectory", "TrainingProgramme", "LoanDesk")


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        # The demo profile fills a site with sample people; only make start applies it.
        return ["vaasa.somementor:uninstall", "vaasa.somementor:demo"]


def uninstall(context):
    # plone.app.registry cannot drop single elements of a list record from XML.
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types",
        tuple(name for name in displayed if name not in DISPLAYED_TYPES),
    )
