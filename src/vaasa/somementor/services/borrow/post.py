from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from vaasa.somementor import _
from vaasa.somementor.loans import submission
from vaasa.somementor.loans import tokens
from zope.i18n import translate
from zope.interface import alsoProvides


class BorrowPost(Service):
    """POST @borrow on a mentor or a loan desk: ask to borrow a mentor, no account needed."""

    def reply(self):
        # Visitors post JSON without a session, so there is no CSRF token to check.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            loan = submission.submit(
                self.context, json_body(self.request), self.request.getClientAddr()
            )
        except submission.Refused as refused:
            self.request.response.setStatus(refused.status)
            return {
                "error": {
                    "type": "LoanRequestRefused",
                    "message": refused.message,
                    "errors": refused.errors,
                }
            }
        self.request.response.setStatus(201)
        return {
            "status_url": tokens.status_url(loan),
            "review_state": "submitted",
            "message": translate(
                _("Thank you. We sent a confirmation with your status link by email."),
                context=self.request,
            ),
        }
