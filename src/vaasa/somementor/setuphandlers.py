from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


DISPLAYED_TYPES = ("MentorDirectory", "TrainingProgramme", "LoanDesk")


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        # The demo profile fills a site with sample people; only make start applies it.
        return ["vaasa.somementor:uninstall", "vaasa.somementor:demo"]


COORDINATORS = "mentor-coordinators"


def post_install(context):
    """The coordinators' group: who is in it runs the programme and approves loans."""
    if api.group.get(groupname=COORDINATORS) is None:
        api.group.create(
            groupname=COORDINATORS,
            title="Mentor coordinators",
            description="Approve loan requests and manage mentors and trainings.",
            roles=["MentorCoordinator"],
        )


def uninstall(context):
    # plone.app.registry cannot drop single elements of a list record from XML.
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types",
        tuple(name for name in displayed if name not in DISPLAYED_TYPES),
    )
    if api.group.get(groupname=COORDINATORS) is not None:
        api.group.delete(groupname=COORDINATORS)
