"""Comments the system writes to a request's history, translated for each reader.

The history keeps the English msgid, not a translation: a mentor who reads
Finnish and a requester who reads Swedish each get the comment in their own
language. What people type stays as they typed it.
"""

from vaasa.somementor import _
from zope.i18n import translate


CANCELLED_BY_REQUESTER = _("Cancelled by the requester.")
ERASED_ON_REQUEST = _("Cancelled: the requester asked for their personal data to be erased.")

SYSTEM_COMMENTS = {str(message): message for message in (CANCELLED_BY_REQUESTER, ERASED_ON_REQUEST)}


def stored(message):
    """What goes into the workflow history for the system's ``message``."""
    return str(message)


def localized(comment, language):
    """``comment`` as the reader of ``language`` sees it."""
    comment = (comment or "").strip()
    message = SYSTEM_COMMENTS.get(comment)
    if message is None:
        return comment
    return translate(message, target_language=language)
