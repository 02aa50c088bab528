"""Times and dates read the same in mails and on pages: Vaasa's clock, the reader's language.

Finnish and Finland-Swedish norms: the weekday, d.m.yyyy, and klo / kl. with a dot.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import UTC
from vaasa.somementor.notifications import times


def test_span_in_finnish_and_swedish(integration):
    start, end = datetime(2027, 1, 15, 10), datetime(2027, 1, 15, 12)
    assert times.span(start, end, "fi") == "pe 15.1.2027 klo 10.00–12.00"
    assert times.span(start, end, "sv") == "fredag 15.1.2027 kl. 10.00–12.00"
    assert times.span(start, end, "en") == "Friday 15 January 2027 10:00–12:00"


def test_span_over_two_days_names_both(integration):
    start, end = datetime(2027, 1, 15, 10), datetime(2027, 1, 16, 12)
    assert times.span(start, end, "fi") == "pe 15.1.2027 klo 10.00 – la 16.1.2027 klo 12.00"


def test_moment_in_vaasa_time(integration):
    # Seven o'clock in the morning UTC is nine in Vaasa in winter.
    assert times.moment(datetime(2027, 2, 10, 7, tzinfo=UTC), "fi") == "ke 10.2.2027 klo 9.00"


def test_moment_of_a_zope_datetime(integration):
    assert times.moment(DateTime("2027/02/10 07:00 UTC"), "sv") == "onsdag 10.2.2027 kl. 9.00"


def test_days(integration):
    assert times.days(date(2027, 3, 1), date(2027, 3, 5), "fi") == "ma 1.3.2027 – pe 5.3.2027"
    assert times.days(date(2027, 3, 1), date(2027, 3, 1), "fi") == "ma 1.3.2027"


def test_unknown_language_reads_english(integration):
    assert times.days(date(2027, 3, 1), date(2027, 3, 1), "de") == "Monday 1 March 2027"
