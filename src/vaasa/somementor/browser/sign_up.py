"""``@@sign-up`` on a training: a visitor or a member asks for a seat.

The form only reads and shows: the fields are checked by ``registrations.sign_up``,
which also decides between a seat and the waiting list.
"""

from plone import api
from plone.protect import CheckAuthenticator
from plone.z3cform.layout import FormWrapper
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from vaasa.somementor import _
from vaasa.somementor.browser.described import described
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.notifications import registrations as mails
from vaasa.somementor.privacy import privacy_statement
from vaasa.somementor.registrations import closing
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store
from vaasa.somementor.registrations.schema import HONEYPOT
from vaasa.somementor.registrations.schema import IRegistration
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.browser.checkbox import SingleCheckBoxFieldWidget
from z3c.form.interfaces import IErrorViewSnippet
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid


class IHoneypot(Interface):
    website = schema.TextLine(title=_("Leave this field empty"), required=False)


class SignUpForm(form.Form):
    ignoreContext = True
    formErrorsMessage = _("Check the marked fields.")
    enableCSRFProtection = False  # checked in the handler, for members only

    record = None

    @property
    def fields(self):
        fields = field.Fields(IRegistration)
        fields["consent"].widgetFactory = SingleCheckBoxFieldWidget
        return fields + field.Fields(IHoneypot)

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets[HONEYPOT].addClass("somementor-honeypot")
        self.widgets[HONEYPOT].tabindex = -1
        self.widgets["consent"].description = self._privacy_link()
        if not self.request.form:
            language = api.portal.get_current_language(context=self.context)[:2]
            if language in self.widgets["language"].terms:
                self.widgets["language"].value = [language]
            self._prefill_member()

    def _prefill_member(self):
        if api.user.is_anonymous():
            return
        member = api.user.get_current()
        for name, prop in (("name", "fullname"), ("email", "email")):
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

    @button.buttonAndHandler(_("Sign up"), name="add")
    def send(self, action):
        if not api.user.is_anonymous():
            CheckAuthenticator(self.request)
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            self.record = sign_up.sign_up(self.context, data, self.request.getClientAddr())
        except sign_up.Refused as refused:
            self._refused(refused)

    def _refused(self, refused):
        response = self.request.response
        if refused.retry_after:
            response.setHeader("Retry-After", str(refused.retry_after))
            response.setStatus(429)
        elif refused.reason == sign_up.CLOSED:
            response.setStatus(409)
        if not refused.errors:
            self.formErrorsMessage = refused.message
        for error in refused.errors:
            widget = self.widgets.get(error["field"])
            if widget is not None:
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


class SignUpView(FormWrapper):
    form = SignUpForm
    index = ViewPageTemplateFile("templates/sign_up.pt")
    thanks_template = ViewPageTemplateFile("templates/sign_up_thanks.pt")
    closed_template = ViewPageTemplateFile("templates/sign_up_closed.pt")

    def __call__(self):
        if not closing.is_open(self.context) and self.request.method != "POST":
            return self.closed_template()
        self.update()
        forget_posted(self.request)
        if self.form_instance.record is not None:
            return self.thanks_template()
        if not closing.is_open(self.context):
            return self.closed_template()
        if self.form_instance.widgets.errors and self.request.response.getStatus() == 200:
            self.request.response.setStatus(400)
        return self.index()

    def described_contents(self):
        return described(self.contents)

    @property
    def record(self):
        return self.form_instance.record

    @property
    def confirmed(self):
        return self.record["state"] == store.CONFIRMED

    @property
    def position(self):
        return store.registrations(self.context).position(self.record)

    @property
    def link_mailed(self):
        return mails.reaches()

    @property
    def registration_url(self):
        return store.registration_url(self.context, self.record)


class SignUpButton(BrowserView):
    """The button on a training's page, with the seats left; nothing once registration closes."""

    def __call__(self):
        if not closing.is_open(self.context):
            return ""
        return self.index()

    @property
    def url(self):
        return f"{self.context.absolute_url()}/@@sign-up"

    @property
    def seats_left(self):
        capacity = getattr(self.context, "capacity", None)
        if capacity is None:
            return None
        return max(0, capacity - store.seats_taken(self.context))
