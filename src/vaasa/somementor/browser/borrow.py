"""The request form: a visitor asks to borrow a mentor, with or without an account.

The form only reads and shows: the fields are the loan request's own, and what it
sends goes through the same submission function as POST @borrow, so the same input
gets the same message on both ways in.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from plone import api
from plone.protect import CheckAuthenticator
from plone.z3cform.layout import FormWrapper
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from vaasa.somementor import _
from vaasa.somementor.browser.described import described
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.content import validators
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.loans import receipt
from vaasa.somementor.loans import submission
from vaasa.somementor.loans import tokens
from vaasa.somementor.privacy import privacy_statement
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.browser.checkbox import SingleCheckBoxFieldWidget
from z3c.form.interfaces import IErrorViewSnippet
from zExceptions import NotFound
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid
from zope.schema.interfaces import WrongContainedType


class IChoices(Interface):
    """What the form asks besides the request's own fields."""

    mentor = schema.Choice(
        title=_("Mentor"),
        description=_("Leave empty if any mentor will do."),
        vocabulary="vaasa.somementor.LendableMentors",
        required=False,
    )
    website = schema.TextLine(title=_("Leave this field empty"), required=False)


class BorrowForm(form.Form):
    ignoreContext = True
    # Our own messages, in the visitor's language, instead of Plone's generic ones.
    formErrorsMessage = _("Check the marked fields.")
    enableCSRFProtection = False  # checked in the handler, for members only

    loan = None
    refusal = None

    @property
    def fields(self):
        chosen = () if IMentor.providedBy(self.context) else ("mentor",)
        fields = field.Fields(IChoices).select(*chosen) + field.Fields(ILoanRequest).select(
            *submission.VISITOR_FIELDS
        )
        fields["skills_needed"].widgetFactory = CheckBoxFieldWidget
        fields["consent"].widgetFactory = SingleCheckBoxFieldWidget
        fields["preferred_dates"].widgetFactory = DataGridFieldWidgetFactory
        return fields + field.Fields(IChoices).select(submission.HONEYPOT)

    def updateWidgets(self):
        super().updateWidgets()
        dates = self.widgets["preferred_dates"]
        dates.allow_reorder = False
        dates.auto_append = False
        if not self.request.form.get(dates.name + ".count"):
            # One empty row to start from, so a visitor without JavaScript can fill one in.
            dates.value = [{}]
            dates.update()
        self.widgets[submission.HONEYPOT].addClass("somementor-honeypot")
        self.widgets[submission.HONEYPOT].tabindex = -1
        self.widgets["consent"].description = self._privacy_link()
        if not self.request.form:
            # A visitor reading Swedish most likely wants the meeting in Swedish.
            language = api.portal.get_current_language(context=self.context)[:2]
            if language in self.widgets["preferred_language"].terms:
                self.widgets["preferred_language"].value = [language]
            self._prefill_member()

    def _prefill_member(self):
        if api.user.is_anonymous():
            return
        member = api.user.get_current()
        for name, prop in (("requester_name", "fullname"), ("requester_email", "email")):
            value = member.getProperty(prop, "")
            if value:
                self.widgets[name].value = value

    def _privacy_link(self):
        language = api.portal.get_current_language(context=self.context)[:2]
        page = privacy_statement(language)
        if page is None:
            return None
        text = translate(_("Read how we handle your data."), context=self.request)
        return f'<a href="{page.absolute_url()}" target="_blank" rel="noopener">{text}</a>'

    # "add" is one of Plone's primary button names: styled and validated as the main action.
    @button.buttonAndHandler(_("Send request"), name="add")
    def send(self, action):
        if not api.user.is_anonymous():
            # A member's session could be used by another site; a visitor has none.
            CheckAuthenticator(self.request)
        data, errors = self.extractData()
        if errors:
            for error in errors:
                if isinstance(error.error, WrongContainedType):
                    # "The system could not process the given value" says nothing to a person.
                    self._mark(error.widget, validators.message(error.error, error.field))
            self.status = self.formErrorsMessage
            return
        try:
            self.loan = submission.submit(self.context, data, self.request.getClientAddr())
        except submission.Refused as refused:
            self._refused(refused)

    def _refused(self, refused):
        if refused.reason == submission.NOT_LENDABLE:
            # The same answer as for a mentor that does not exist.
            raise NotFound(self.context.getId())
        if refused.retry_after:
            self.request.response.setHeader("Retry-After", str(refused.retry_after))
            self.request.response.setStatus(429)
        if not refused.errors:
            # A refusal of the whole request is shown as an error, not as news.
            self.formErrorsMessage = refused.message
        self.refusal = refused.message
        for error in refused.errors:
            widget = self.widgets.get(error["field"])
            if widget is None:
                self.refusal = f"{self.refusal} {error['message']}"
                continue
            self._mark(widget, error["message"])
        self.status = refused.message

    def _mark(self, widget, message):
        snippet = getMultiAdapter(
            (Invalid(message), self.request, widget, widget.field, self, self.context),
            IErrorViewSnippet,
        )
        snippet.update()
        others = tuple(error for error in self.widgets.errors if error.widget is not widget)
        widget.error = snippet
        self.widgets.errors = (*others, snippet)


class BorrowView(FormWrapper):
    """``@@borrow`` on a mentor, a language root or a loan desk."""

    form = BorrowForm
    index = ViewPageTemplateFile("templates/borrow.pt")
    thanks_template = ViewPageTemplateFile("templates/borrow_thanks.pt")

    def __call__(self):
        if self.mentor is not None and not submission.may_ask_for(self.mentor):
            # The same answer as for a mentor that does not exist.
            raise NotFound(self.context.getId())
        self.update()
        forget_posted(self.request)
        if self.form_instance.loan is not None:
            return self.thanks_template()
        if self.form_instance.widgets.errors and self.request.response.getStatus() == 200:
            # Errors in the form: the page is not what was asked for, as for any bad input.
            self.request.response.setStatus(400)
        return self.index()

    def described_contents(self):
        return described(self.contents)

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
