from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from vaasa.somementor import _
from vaasa.somementor.loans import receipt
from vaasa.somementor.loans import submission
from vaasa.somementor.loans import tokens
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import alsoProvides

import json


# A real request is a few kilobytes; anything this large is not one.
MAX_BODY = 64 * 1024

STATUS = {
    submission.INVALID: 400,
    submission.TOO_MANY: 429,
    submission.NO_DESK: 409,
}


class BadBody(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def json_object(request):
    """The body as a dict, or BadBody with the status that says what is wrong with it."""
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise BadBody(415, _("Send the request as JSON, with Content-Type: application/json."))
    declared = request.getHeader("Content-Length") or ""
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BadBody(413, _("The request is too large."))
    body = request.get("BODY") or b""
    if len(body) > MAX_BODY:
        raise BadBody(413, _("The request is too large."))
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        # ValueError covers broken JSON, bad UTF-8 and numbers of thousands of digits.
        raise BadBody(400, _("The request is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise BadBody(400, _("Send the fields of the request as one JSON object."))
    return data


class BorrowPost(Service):
    """POST @borrow on a mentor or a loan desk: ask to borrow a mentor, no account needed."""

    def reply(self):
        # Visitors post JSON without a session, so there is no CSRF token to check.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_object(self.request)
            loan = submission.submit(self.context, data, self.request.getClientAddr())
        except BadBody as bad:
            return self._refusal(bad.status, translate(bad.message, context=self.request))
        except submission.Refused as refused:
            if refused.reason == submission.NOT_LENDABLE:
                # The same answer as for a mentor that does not exist.
                raise NotFound(self.context.getId()) from None
            if refused.retry_after:
                self.request.response.setHeader("Retry-After", str(refused.retry_after))
            return self._refusal(STATUS[refused.reason], refused.message, refused.errors)
        self.request.response.setStatus(201)
        return {
            "status_url": tokens.status_url(loan),
            "review_state": "submitted",
            "message": translate(receipt.thanks(), context=self.request),
        }

    def _refusal(self, status, message, errors=()):
        self.request.response.setStatus(status)
        return {"error": {"type": "LoanRequestRefused", "message": message, "errors": errors}}
