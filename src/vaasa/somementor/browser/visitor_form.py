"""What the visitors' forms (borrow a mentor, sign up for a training) have in common.

Both are z3c.forms over a domain function that checks the input again and may
refuse it: this base shows the refusal at the fields, hides the honeypot, links
the privacy statement at the consent and fills in what a member's profile knows.
"""

from plone import api
from plone.protect import CheckAuthenticator
from plone.z3cform.layout import FormWrapper
from vaasa.somementor import _
from vaasa.somementor.browser.described import described
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.privacy import privacy_statement
from z3c.form import form
from z3c.form.interfaces import IErrorViewSnippet
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid


HONEYPOT = "website"


class IHoneypot(Interface):
    # Left empty by people, filled in by form-filling robots.
    website = schema.TextLine(title=_("Leave this field empty"), required=False)


class VisitorForm(form.Form):
    ignoreContext = True
    # Our own messages, in the visitor's language, instead of Plone's generic ones.
    formErrorsMessage = _("Check the marked fields.")
    enableCSRFProtection = False  # checked in the handler, for members only

    # The field that asks for a language, and member properties to fill in.
    language_field = None
    member_fields = ()

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets[HONEYPOT].addClass("somementor-honeypot")
        self.widgets[HONEYPOT].tabindex = -1
        self.widgets["consent"].description = self._privacy_link()
        if not self.request.form:
            # A visitor reading Swedish most likely wants it in Swedish.
            language = api.portal.get_current_language(context=self.context)[:2]
            if language in self.widgets[self.language_field].terms:
                self.widgets[self.language_field].value = [language]
            self._prefill_member()

    def _prefill_member(self):
        if api.user.is_anonymous():
            return
        member = api.user.get_current()
        for name, prop in self.member_fields:
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

    def check_member(self):
        if not api.user.is_anonymous():
            # A member's session could be used by another site; a visitor has none.
            CheckAuthenticator(self.request)

    def show_refusal(self, refused):
        """A domain refusal: 429 with Retry-After, field errors, or one error for the form."""
        if refused.retry_after:
            self.request.response.setHeader("Retry-After", str(refused.retry_after))
            self.request.response.setStatus(429)
        if not refused.errors:
            # A refusal of the whole request is shown as an error, not as news.
            self.formErrorsMessage = refused.message
        status = refused.message
        for error in refused.errors:
            widget = self.widgets.get(error["field"])
            if widget is None:
                status = f"{status} {error['message']}"
                continue
            self.mark(widget, error["message"])
        self.status = status

    def mark(self, widget, message):
        snippet = getMultiAdapter(
            (Invalid(message), self.request, widget, widget.field, self, self.context),
            IErrorViewSnippet,
        )
        snippet.update()
        others = tuple(error for error in self.widgets.errors if error.widget is not widget)
        widget.error = snippet
        self.widgets.errors = (*others, snippet)


class VisitorFormPage(FormWrapper):
    """The page around a visitor's form: its thanks once stored, else the form (400 on errors)."""

    thanks_template = None

    def stored(self):
        """What the form stored, or None."""
        raise NotImplementedError

    def thanks_if_stored(self):
        self.update()
        forget_posted(self.request)
        return self.thanks_template() if self.stored() is not None else None

    def form_page(self):
        if self.form_instance.widgets.errors and self.request.response.getStatus() == 200:
            # Errors in the form: the page is not what was asked for, as for any bad input.
            self.request.response.setStatus(400)
        return self.index()

    def described_contents(self):
        return described(self.contents)
