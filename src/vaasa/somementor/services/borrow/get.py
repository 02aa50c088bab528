"""GET @borrow: the visitor's form described, so a headless front end builds it as the page does.

The fields are the request form's own: the same schema fields, described by
plone.restapi's JSON schema providers as ``@types`` describes them (which a
visitor may not read), with every choice listed and translated inline.
"""

from plone.restapi.services import Service
from plone.restapi.types.interfaces import IJsonSchemaProvider
from vaasa.somementor import _
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.loans import submission
from zExceptions import NotFound
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IVocabularyFactory


class BorrowGet(Service):
    def reply(self):
        mentor = self.context if IMentor.providedBy(self.context) else None
        if mentor is not None and not submission.may_ask_for(mentor):
            raise NotFound(self.context.getId())
        names = submission.VISITOR_FIELDS if mentor else ("mentor", *submission.VISITOR_FIELDS)
        properties = {name: self._describe(name) for name in names}
        return {
            "@id": f"{self.context.absolute_url()}/@borrow",
            "title": translate(_("Borrow a SoMe mentor"), context=self.request),
            "mentor": {"@id": mentor.absolute_url(), "title": mentor.title} if mentor else None,
            "fieldsets": [
                {
                    "id": "default",
                    "title": translate(_("Loan request"), context=self.request),
                    "fields": list(names),
                }
            ],
            "properties": properties,
            "required": [name for name in names if ILoanRequest[name].required],
            # Render it hidden and send it empty: a filled-in one marks a robot.
            "honeypot": submission.HONEYPOT,
        }

    def _describe(self, name):
        field = ILoanRequest[name].bind(self.context)
        schema = getMultiAdapter((field, self.context, self.request), IJsonSchemaProvider)
        described = schema.get_schema()
        choice = field if IChoice.providedBy(field) else getattr(field, "value_type", None)
        if name == "mentor":
            # Visitors choose among the mentors they may ask for, not any content.
            choice = None
            described = {
                **described,
                "choices": self._choices("vaasa.somementor.LendableMentors"),
            }
            described.pop("widgetOptions", None)
        if IChoice.providedBy(choice) and choice.vocabularyName:
            described["choices"] = self._choices(choice.vocabularyName)
        if field.default is not None:
            described["default"] = field.default
        return described

    def _choices(self, vocabulary_name):
        factory = getUtility(IVocabularyFactory, vocabulary_name)
        return [
            [term.token, translate(term.title, context=self.request) if term.title else term.token]
            for term in factory(self.context)
        ]
