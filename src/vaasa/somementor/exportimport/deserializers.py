"""Loan requests as the old site stored them, anonymised ones too."""

from plone.exportimport.interfaces import IExportImportRequestMarker
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from vaasa.somementor.content.loan_request import ILoanRequest
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFields


@implementer(IDeserializeFromJson)
@adapter(ILoanRequest, IExportImportRequestMarker)
class StoredLoanRequest(DeserializeFromJson):
    """An anonymised request (retention.py) has its required personal fields emptied.

    plone.restapi refuses null for a required field and would leave the field at
    its default ("Vaasa" for the municipality): those fields are emptied here
    instead, as the old site had them.
    """

    def __call__(self, validate_all=False, data=None, create=False, **kwargs):
        fields = getFields(ILoanRequest)
        emptied = [
            name
            for name, value in (data or {}).items()
            if value is None and name in fields and fields[name].required
        ]
        data = {name: value for name, value in (data or {}).items() if name not in emptied}
        context = super().__call__(validate_all=validate_all, data=data, create=create, **kwargs)
        for name in emptied:
            setattr(self.context, name, None)
        return context
