"""What a requester is told once their request is stored, on every way in."""

from vaasa.somementor import _
from vaasa.somementor.notifications.dispatch import reaches


def link_mailed():
    """Whether the confirmation with the status link goes out by mail."""
    return reaches("requester")


def thanks():
    if link_mailed():
        return _("Thank you. We sent a confirmation with your status link by email.")
    # No mail will go out: the status link shown now is the requester's only copy.
    return _("Thank you. Keep the status link: it is the way to follow your request.")
