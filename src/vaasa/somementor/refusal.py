"""A visitor's input not stored, and why: the domain says it, each way in answers it.

The loan request and the training registration refuse alike: a reason (a word
the caller maps to an HTTP status or a form error), a message and per-field
errors, already in the visitor's language.
"""

from zope.globalrequest import getRequest
from zope.i18n import translate


def translated(message):
    """``message`` in the language of the request being answered."""
    return translate(message, context=getRequest())


def field_error(field, message):
    return {"field": field, "message": translated(message)}


class Refused(Exception):
    """Not stored, for ``reason``; ``message`` and ``errors`` are in the visitor's language."""

    def __init__(self, reason, message, errors=(), retry_after=None):
        super().__init__(reason)
        self.reason = reason
        self.message = translated(message)
        self.errors = list(errors)
        self.retry_after = retry_after
