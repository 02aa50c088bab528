"""What happened to a registration; notifications/ reacts with a mail."""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface


# kind: what the registrant is told
CONFIRMED = "confirmed"  # signed up, with a seat
WAITING = "waiting"  # signed up, on the waiting list
PROMOTED = "promoted"  # moved from the waiting list to a seat
CANCELLED = "cancelled"  # cancelled by the registrant


class IRegistrationChanged(Interface):
    training = Attribute("The training, in the version the change was made on")
    record = Attribute("The registration's record after the change")
    kind = Attribute("One of the kinds above")


@implementer(IRegistrationChanged)
class RegistrationChanged:
    def __init__(self, training, record, kind):
        self.training = training
        self.record = record
        self.kind = kind
