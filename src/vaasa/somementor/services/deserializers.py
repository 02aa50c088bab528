"""How REST clients spell a loan's numbers and times, read the way a person means them."""

from collective.z3cform.datagridfield.interfaces import IRow
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from vaasa.somementor import _
from vaasa.somementor import zone
from vaasa.somementor.content import validators
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.interfaces import IBrowserLayer
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFloat

import datetime


@implementer(IFieldDeserializer)
@adapter(IFloat, ILoanRequest, IBrowserLayer)
class WholeHours(DefaultFieldDeserializer):
    """``"hours_spent": 2`` is two hours: JSON writes whole numbers without a point."""

    def __call__(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IDatetime, ILoanRequest, IBrowserLayer)
class LoanTime(DefaultFieldDeserializer):
    """ISO 8601 with an offset, or without one as local time in Vaasa; kept in the site's zone."""

    def __call__(self, value):
        if value is None:
            self.field.validate(value)
            return None
        try:
            moment = datetime.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            message = _("Give the time as ISO 8601, such as 2027-03-01T10:00+02:00.")
            raise ValueError(translate(message, context=self.request)) from None
        moment = zone.local(moment)
        self.field.validate(moment)
        return moment


@implementer(IFieldDeserializer)
@adapter(IRow, ILoanRequest, IBrowserLayer)
class WishedRange(DefaultFieldDeserializer):
    """``{"start": "2027-03-01", "end": "2027-03-12"}``, strictly YYYY-MM-DD, as a row of dates."""

    def __call__(self, value):
        try:
            start, end = validators.date_range(value)
        except ValidationError as error:
            raise ValueError(translate(error.doc(), context=self.request)) from None
        row = {"start": start, "end": end}
        self.field.validate(row)
        return row
