"""The cron job's entry point; notifications decide and send, this view only starts them."""

from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.notifications import reminders
from vaasa.somementor.settings import setting
from zope.i18n import translate
from zope.interface import alsoProvides


class SendReminders(BrowserView):
    """@@send-loan-reminders: for example ``curl -X POST -u admin:… …/@@send-loan-reminders``."""

    def __call__(self):
        # A cron job has no form token. The view takes no input and only sends what is due,
        # once, so a forged request can do no more than the next cron run would.
        alsoProvides(self.request, IDisableCSRFProtection)
        count = reminders.send_reminders(setting("reminder_days"))
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        message = _("Reminders sent: ${count}", mapping={"count": count})
        return translate(message, context=self.request) + "\n"
