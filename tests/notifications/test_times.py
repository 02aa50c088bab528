"""Times and dates read the same in mails and on pages: Vaasa's clock, the reader's language."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import UTC
from vaasa.somementor.notifications import times


def test_span_in_finnish_and_swedish(integration):
    start, end = datetime(2027, 2, 10, 9), datetime(2027, 2, 10, 11)
    assert times.span(start, end, "fi") == "10. helmikuuta 2027 09:00–11:00"
    assert times.span(start, end, "sv").startswith("den 10 feb 2027")


def test_moment_in_vaasa_time(integration):
    # Seven o'clock in the morning UTC is nine in Vaasa in winter.
    assert times.moment(datetime(2027, 2, 10, 7, tzinfo=UTC), "fi") == "10. helmikuuta 2027 09:00"


def test_moment_of_a_zope_datetime(integration):
    assert times.moment(DateTime("2027/02/10 07:00 UTC"), "fi") == "10. helmikuuta 2027 09:00"


def test_days(integration):
    assert times.days(date(2027, 3, 1), date(2027, 3, 5), "fi") == (
        "1. maaliskuuta 2027 – 5. maaliskuuta 2027"
    )
    assert times.days(date(2027, 3, 1), date(2027, 3, 1), "fi") == "1. maaliskuuta 2027"
