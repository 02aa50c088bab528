"""``@@sign-up`` on a training: a visitor or a member asks for a seat.

The form only reads and shows: the fields are checked by ``registrations.sign_up``,
which also decides between a seat and the waiting list.
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from vaasa.somementor import _
from vaasa.somementor.browser.visitor_form import IHoneypot
from vaasa.somementor.browser.visitor_form import VisitorForm
from vaasa.somementor.browser.visitor_form import VisitorFormPage
from vaasa.somementor.notifications import registrations as mails
from vaasa.somementor.registrations import closing
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store
from vaasa.somementor.registrations.schema import IRegistration
from z3c.form import button
from z3c.form import field
from z3c.form.browser.checkbox import SingleCheckBoxFieldWidget


class SignUpForm(VisitorForm):
    language_field = "language"
    member_fields = (("name", "fullname"), ("email", "email"))

    record = None

    @property
    def fields(self):
        fields = field.Fields(IRegistration)
        fields["consent"].widgetFactory = SingleCheckBoxFieldWidget
        return fields + field.Fields(IHoneypot)

    @button.buttonAndHandler(_("Sign up"), name="add")
    def send(self, action):
        self.check_member()
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            self.record = sign_up.sign_up(self.context, data, self.request.getClientAddr())
        except sign_up.Refused as refused:
            if refused.reason == sign_up.CLOSED:
                self.request.response.setStatus(409)
            self.show_refusal(refused)


class SignUpView(VisitorFormPage):
    form = SignUpForm
    index = ViewPageTemplateFile("templates/sign_up.pt")
    thanks_template = ViewPageTemplateFile("templates/sign_up_thanks.pt")
    closed_template = ViewPageTemplateFile("templates/sign_up_closed.pt")

    def __call__(self):
        if not closing.is_open(self.context) and self.request.method != "POST":
            return self.closed_template()
        thanks = self.thanks_if_stored()
        if thanks is not None:
            return thanks
        if not closing.is_open(self.context):
            return self.closed_template()
        return self.form_page()

    def stored(self):
        return self.form_instance.record

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
