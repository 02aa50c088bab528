"""The programme's rows: each training's own day and hours, however many share a page."""

from datetime import datetime
from factories import training_fields
from plone import api

import pytz


VAASA = pytz.timezone("Europe/Helsinki")


def at(day, hour):
    return VAASA.localize(datetime(2031, 5, day, hour))


def test_each_row_tells_its_own_day_and_hours(programme):
    for id, day, hour in (("morning", 6, 9), ("afternoon", 6, 13), ("next-morning", 7, 9)):
        api.content.create(
            programme,
            "Training",
            id=id,
            **training_fields(start=at(day, hour), end=at(day, hour + 2)),
        )
    view = api.content.get_view("programme-view", programme, programme.REQUEST)
    view._read_filters()
    catalog = api.portal.get_tool("portal_catalog")
    rows = {
        brain.getId: view.row(brain) for brain in catalog(portal_type="Training", sort_on="start")
    }
    # Formatted once per day and per time of day, yet never another row's.
    assert rows["morning"]["day"] == rows["afternoon"]["day"] != rows["next-morning"]["day"]
    assert rows["morning"]["hours"] == rows["next-morning"]["hours"] != rows["afternoon"]["hours"]
    # Each as formatted alone, on a page of its own.
    for id, day, hour in (("morning", 6, 9), ("afternoon", 6, 13), ("next-morning", 7, 9)):
        alone = api.content.get_view("programme-view", programme, programme.REQUEST)
        alone._read_filters()
        assert rows[id]["hours"] == alone._hours(at(day, hour), at(day, hour + 2))
        assert rows[id]["day"] == alone.day(at(day, hour))
