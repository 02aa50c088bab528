"""Valid field values for test content, so each test states only what it is about."""

from datetime import date
from datetime import timedelta
from vaasa.somementor.content.validators import wished_ranges
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


def relation_to(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def mentor_fields(**overrides):
    return {
        "first_name": "Anna",
        "last_name": "Virtanen",
        "department": "library",
        "languages": ["fi", "sv"],
        "email": "anna.virtanen@example.org",
        **overrides,
    }


def loan_request_fields(mentor=None, **overrides):
    """What a visitor fills in; ``mentor`` is a Mentor object, linked by relation."""
    fields = {
        "requester_name": "Karin Westerlund",
        "requester_email": "karin@example.org",
        "organisation": "Korsholms kulturbyrå",
        "municipality": "Korsholm",
        "need": "Facebooksida för kulturbyrån",
        "preferred_language": "sv",
        "loan_format": "remote",
        "preferred_dates": [{"start": "2027-02-01", "end": "2027-02-05"}],
        "consent": True,
    }
    if mentor is not None:
        fields["mentor"] = relation_to(mentor)
    fields.update(overrides)
    # Written as JSON spells them, stored as the form and @borrow store them: rows of dates.
    fields["preferred_dates"] = wished_ranges(fields["preferred_dates"])
    return fields


def loan_request_json(**overrides):
    """The same request as a REST client sends it: dates written as YYYY-MM-DD."""
    fields = loan_request_fields(**overrides)
    fields["preferred_dates"] = [
        {key: day.isoformat() for key, day in row.items()} for row in fields["preferred_dates"]
    ]
    return fields


def training_fields(**overrides):
    return {
        "title": "Googlen työkalut",
        "language_group": "fi",
        "training_format": "in-person",
        **overrides,
    }


def borrow_fields(**overrides):
    """What a visitor sends to @borrow, as JSON; the dates always weeks ahead."""
    soon = date.today() + timedelta(weeks=6)
    return {
        "requester_name": "Elina Kallio",
        "requester_email": "elina.kallio@example.org",
        "organisation": "Laihian kunnankirjasto",
        "municipality": "Laihia",
        "need": "Haluamme opetella Instagram-tarinat.",
        "preferred_language": "fi",
        "loan_format": "remote",
        "preferred_dates": [{"start": str(soon), "end": str(soon + timedelta(days=4))}],
        "skills_needed": ["instagram"],
        "expected_participants": 4,
        "consent": True,
        **overrides,
    }
