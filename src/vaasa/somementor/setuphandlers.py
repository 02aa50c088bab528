from plone import api
from plone.base.interfaces import INonInstallable
from vaasa.somementor.notifications import mailqueue
from zope.interface import implementer


DISPLAYED_TYPES = ("MentorDirectory", "TrainingProgramme", "LoanDesk")


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        # The demo profile fills a site with sample people; only make start applies it.
        return ["vaasa.somementor:uninstall", "vaasa.somementor:demo"]


COORDINATORS = "mentor-coordinators"


def post_install(context):
    """The coordinators' group, and mail through the durable queue."""
    # Who is in the group runs the programme and approves loans.
    if api.group.get(groupname=COORDINATORS) is None:
        api.group.create(
            groupname=COORDINATORS,
            title="Mentor coordinators",
            description="Approve loan requests and manage mentors and trainings.",
            roles=["MentorCoordinator"],
        )
    use_mail_queue()


def use_mail_queue():
    """The site's MailHost keeps mail in var/mailqueue until the SMTP server takes it.

    Without the queue, an SMTP server that is down fails the commit: the loan
    request is lost and the visitor gets an error. Kept on uninstall, so mail
    still waiting in the queue leaves.
    """
    mailhost = api.portal.get_tool("MailHost")
    mailqueue.use(mailhost)


def uninstall(context):
    # plone.app.registry cannot drop single elements of a list record from XML.
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types",
        tuple(name for name in displayed if name not in DISPLAYED_TYPES),
    )
    if api.group.get(groupname=COORDINATORS) is not None:
        api.group.delete(groupname=COORDINATORS)
