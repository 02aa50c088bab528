"""Fill a site with the demo content; running it again changes nothing."""

from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from vaasa.somementor.demo import data
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import logging
import pytz


logger = logging.getLogger(__name__)

LANGUAGE = "fi"
TIMEZONE = "Europe/Helsinki"


def create_demo_content(context):
    """Post handler of the ``demo`` profile."""
    site = api.portal.get()
    containers = {key: _container(site, spec) for key, spec in data.CONTAINERS.items()}
    mentors = {spec["id"]: _mentor(containers["mentors"], spec) for spec in data.MENTORS}
    for spec in data.TRAININGS:
        _training_item(containers["trainings"], spec)
    for spec in data.LOAN_REQUESTS:
        _loan_request(containers["loans"], spec, mentors)


def _localised(value):
    return value[LANGUAGE] if isinstance(value, dict) else value


def _existing_or_create(container, portal_type, id, **fields):
    if id in container:
        return container[id]
    obj = api.content.create(container=container, type=portal_type, id=id, **fields)
    logger.info("Demo content created: %s", "/".join(obj.getPhysicalPath()))
    return obj


def _publish(obj):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj, to_state="published")


def _container(site, spec):
    obj = _existing_or_create(
        site,
        spec["type"],
        _localised(spec["id"]),
        title=_localised(spec["title"]),
        description=_localised(spec["description"]),
    )
    if spec["type"] != "LoanDesk":
        _publish(obj)
    return obj


def _mentor(directory, spec):
    fields = {key: _localised(value) for key, value in spec.items() if key != "id"}
    fields.setdefault("active", True)
    fields["bio"] = RichTextValue(
        f"<p>{fields['description']}</p>", "text/html", "text/x-html-safe"
    )
    obj = _existing_or_create(directory, "Mentor", spec["id"], **fields)
    _publish(obj)
    return obj


def _when(value):
    return pytz.timezone(TIMEZONE).localize(datetime.fromisoformat(value))


def _training_item(programme, spec):
    start = _when(spec["start"])
    remote = spec["training_format"] == "remote"
    obj = _existing_or_create(
        programme,
        "Training",
        spec["id"],
        title=_localised(spec["title"]),
        start=start,
        end=start + timedelta(hours=spec["hours"]),
        timezone=TIMEZONE,
        kind=spec["kind"],
        language_group=spec["language_group"],
        training_format=spec["training_format"],
        participants=spec["participants"],
        topics=spec["topics"],
        organiser=_localised(data.SUMMER_UNIVERSITY),
        location=None if remote else "Vaasan kaupunginkirjasto, Kirjastonkatu 13",
        meeting_url="https://connect.example.org/somementori" if remote else None,
    )
    _publish(obj)
    return obj


def _loan_request(desk, spec, mentors):
    fields = {key: value for key, value in spec.items() if key not in ("id", "mentor")}
    for key in ("scheduled_start", "scheduled_end"):
        if fields.get(key):
            fields[key] = _when(fields[key])
    mentor = mentors.get(spec["mentor"])
    if mentor is not None:
        fields["mentor"] = RelationValue(getUtility(IIntIds).getId(mentor))
    fields["consent"] = True
    return _existing_or_create(desk, "LoanRequest", spec["id"], **fields)
