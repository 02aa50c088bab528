"""The request form: a visitor asks to borrow a mentor, with or without an account.

The form only reads and shows: the fields are the loan request's own, and what it
sends goes through the same submission function as POST @borrow, so the same input
gets the same message on both ways in.
"""

from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from vaasa.somementor import _
from vaasa.somementor.browser.visitor_form import IHoneypot
from vaasa.somementor.browser.visitor_form import VisitorForm
from vaasa.somementor.browser.visitor_form import VisitorFormPage
from vaasa.somementor.content import validators
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.wished_dates import WishedDatesFieldWidget
from vaasa.somementor.loans import receipt
from vaasa.somementor.loans import submission
from vaasa.somementor.loans import tokens
from z3c.form import button
from z3c.form import field
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.browser.checkbox import SingleCheckBoxFieldWidget
from zExceptions import NotFound
from zope import schema
from zope.interface import Interface
from zope.schema.interfaces import WrongContainedType


class IChoices(Interface):
    """What the form asks besides the request's own fields."""

    mentor = schema.Choice(
        title=_("Mentor"),
        description=_("Leave empty if any mentor will do."),
        vocabulary="vaasa.somementor.LendableMentors",
        required=False,
    )


class BorrowForm(VisitorForm):
    language_field = "preferred_language"
    member_fields = (("requester_name", "fullname"), ("requester_email", "email"))

    loan = None

    @property
    def fields(self):
        chosen = () if IMentor.providedBy(self.context) else ("mentor",)
        fields = field.Fields(IChoices).select(*chosen) + field.Fields(ILoanRequest).select(
            *submission.VISITOR_FIELDS
        )
        fields["skills_needed"].widgetFactory = CheckBoxFieldWidget
        fields["consent"].widgetFactory = SingleCheckBoxFieldWidget
        fields["preferred_dates"].widgetFactory = WishedDatesFieldWidget
        return fields + field.Fields(IHoneypot)

    def updateWidgets(self):
        super().updateWidgets()
        dates = self.widgets["preferred_dates"]
        dates.allow_reorder = False
        dates.auto_append = False
        if not self.request.form.get(dates.name + ".count"):
            # One empty row to start from, so a visitor without JavaScript can fill one in.
            dates.value = [{}]
            dates.update()

    # "add" is one of Plone's primary button names: styled and validated as the main action.
    @button.buttonAndHandler(_("Send request"), name="add")
    def send(self, action):
        self.check_member()
        data, errors = self.extractData()
        if errors:
            for error in errors:
                if isinstance(error.error, WrongContainedType):
                    # "The system could not process the given value" says nothing to a person.
                    self.mark(error.widget, validators.message(error.error, error.field))
            self.status = self.formErrorsMessage
            return
        try:
            self.loan = submission.submit(self.context, data, self.request.getClientAddr())
        except submission.Refused as refused:
            if refused.reason == submission.NOT_LENDABLE:
                # The same answer as for a mentor that does not exist.
                raise NotFound(self.context.getId()) from None
            self.show_refusal(refused)


class BorrowView(VisitorFormPage):
    """``@@borrow`` on a mentor, a language root or a loan desk."""

    form = BorrowForm
    index = ViewPageTemplateFile("templates/borrow.pt")
    thanks_template = ViewPageTemplateFile("templates/borrow_thanks.pt")

    def __call__(self):
        if self.mentor is not None and not submission.may_ask_for(self.mentor):
            # The same answer as for a mentor that does not exist.
            raise NotFound(self.context.getId())
        return self.thanks_if_stored() or self.form_page()

    def stored(self):
        return self.form_instance.loan

    @property
    def mentor(self):
        return self.context if IMentor.providedBy(self.context) else None

    @property
    def link_mailed(self):
        return receipt.link_mailed()

    @property
    def thanks(self):
        return receipt.thanks()

    @property
    def status_url(self):
        return tokens.status_url(self.form_instance.loan)
