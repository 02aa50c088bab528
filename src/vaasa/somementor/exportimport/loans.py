"""What a loan request keeps beside its fields: its status token, reminder and anonymisation marks.

The token is the key of the requester's status link, which mails already sent
carry; a new token would lock the requester out. The reminder mark keeps the new
site from reminding again of a loan it was already reminded of; the anonymisation
mark gives an anonymised request its neutral title and keeps it from being
anonymised again.
"""

from Acquisition import aq_base
from vaasa.somementor.content import anonymised
from vaasa.somementor.exportimport.per_item import PerItemExporter
from vaasa.somementor.exportimport.per_item import PerItemImporter
from vaasa.somementor.notifications import reminders
from zope.annotation.interfaces import IAnnotations


NAME = "vaasa_somementor_loans"


class LoansExporter(PerItemExporter):
    name = NAME
    query = {"portal_type": "LoanRequest"}

    def read(self, loan):
        return {
            "status_token": getattr(loan, "_status_token", None),
            "reminded_for": IAnnotations(loan).get(reminders.KEY),
            "anonymised": anonymised.anonymised(loan),
        }


class LoansImporter(PerItemImporter):
    name = NAME
    # The catalog holds the token's hash, which finds the request from its link.
    indexes = ("loan_token_hash",)
    what = "status links"

    def restore(self, loan, kept):
        if kept["status_token"]:
            loan._status_token = kept["status_token"]
        if kept["reminded_for"]:
            IAnnotations(loan)[reminders.KEY] = kept["reminded_for"]
        if kept.get("anonymised"):
            setattr(aq_base(loan), anonymised.MARK, kept["anonymised"])
        return True
