"""``@@anonymise-expired``: the retention run, for a coordinator's button or a cron job.

A coordinator's browser posts the page's form with its token. A cron job posts
with basic auth and no token, for example::

    curl -fsS -X POST -u retention:secret https://example.org/Plone/@@anonymise-expired

A request without a login cookie carries no browser session to misuse, and it
can do no more than the next run would: anonymise what is due anyway.
"""

from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor import retention
from vaasa.somementor.settings import setting
from zope.i18n import translate
from zope.interface import alsoProvides


# Plone's login cookie: a request that has it comes from a browser session.
LOGIN_COOKIE = "__ac"


def done_message(loans, registrations):
    return _(
        "Anonymised ${loans} loan requests and ${registrations} registrations.",
        mapping={"loans": loans, "registrations": registrations},
    )


class AnonymiseExpiredView(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            return self.index()
        from_browser = LOGIN_COOKIE in self.request.cookies or "_authenticator" in self.request.form
        if from_browser:
            CheckAuthenticator(self.request)
        else:
            alsoProvides(self.request, IDisableCSRFProtection)
        message = done_message(*retention.run())
        if from_browser:
            api.portal.show_message(message, request=self.request)
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@anonymise-expired", 303
            )
            return ""
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(message, context=self.request) + "\n"

    @property
    def months(self):
        return setting("retention_months")

    @property
    def due(self):
        loans, registrations = retention.due()
        return {"loans": loans, "registrations": registrations}
