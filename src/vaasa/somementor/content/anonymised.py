"""How a loan request looks once its personal data is gone (see ``retention``).

Kept apart from the retention rules so the content class can name itself
without importing the catalog machinery that anonymises it.
"""

from Acquisition import aq_base
from vaasa.somementor import _
from zope.i18n import translate


# On the request: when, why and by whom its personal data was removed, and the
# month and number of its neutral title, fixed once so the title never moves.
MARK = "_somementor_anonymised"

NEUTRAL_TITLE = _("Request ${month} #${number}")


def anonymised(loan):
    """The mark left on an anonymised request, or None while it holds personal data."""
    return getattr(aq_base(loan), MARK, None)


def neutral_title(loan, language=None):
    """ "Request 2027-03 #17" in ``language``, else in the language the requester used."""
    mark = anonymised(loan)
    message = _(
        NEUTRAL_TITLE,
        mapping={"month": mark["month"], "number": mark["number"]},
    )
    language = language or getattr(loan, "preferred_language", None) or "en"
    return translate(message, target_language=language)
