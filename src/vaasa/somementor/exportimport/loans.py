"""What a loan request keeps beside its fields: its status token, reminder and anonymisation marks.

The token is the key of the requester's status link, which mails already sent
carry; a new token would lock the requester out. The reminder mark keeps the new
site from reminding again of a loan it was already reminded of; the anonymisation
mark gives an anonymised request its neutral title and keeps it from being
anonymised again.
"""

from Acquisition import aq_base
from plone import api
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter
from vaasa.somementor.content import anonymised
from vaasa.somementor.notifications import reminders
from zope.annotation.interfaces import IAnnotations


NAME = "vaasa_somementor_loans"


class LoansExporter(BaseExporter):
    name = NAME

    def dump(self):
        catalog = api.portal.get_tool("portal_catalog")
        data = {}
        for brain in catalog.unrestrictedSearchResults(portal_type="LoanRequest"):
            loan = brain._unrestrictedGetObject()
            data[brain.UID] = {
                "status_token": getattr(loan, "_status_token", None),
                "reminded_for": IAnnotations(loan).get(reminders.KEY),
                "anonymised": anonymised.anonymised(loan),
            }
        return [self._dump(data)]


class LoansImporter(BaseImporter):
    name = NAME

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        restored = 0
        for uid, kept in data.items():
            loan = api.content.get(UID=uid)
            if loan is None:
                continue
            if kept["status_token"]:
                loan._status_token = kept["status_token"]
            if kept["reminded_for"]:
                IAnnotations(loan)[reminders.KEY] = kept["reminded_for"]
            if kept.get("anonymised"):
                setattr(aq_base(loan), anonymised.MARK, kept["anonymised"])
            # The catalog holds the token's hash, which finds the request from its link.
            loan.reindexObject(idxs=["loan_token_hash"])
            restored += 1
        return f"{self.__class__.__name__}: Imported the status links of {restored} loan requests"
