"""Each training's registrations, kept in the site's annotations under its translation group.

An import gives the versions of a training a new translation group, so the records
travel with the UIDs of the versions and are filed again under the new group.
"""

from plone import api
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter
from vaasa.somementor.registrations import store

import datetime


NAME = "vaasa_somementor_registrations"


# Records are plain dicts; their dates and times are tagged, as JSON has neither.
TYPES = {"datetime": datetime.datetime, "date": datetime.date}


def _json(record):
    return {key: _tagged(value) for key, value in record.items()}


def _tagged(value):
    for tag, kind in TYPES.items():
        if isinstance(value, kind):
            return {tag: value.isoformat()}
    return value


def _stored(record):
    return {key: _untagged(value) for key, value in record.items()}


def _untagged(value):
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in TYPES:
        ((tag, text),) = value.items()
        return TYPES[tag].fromisoformat(text)
    return value


class RegistrationsExporter(BaseExporter):
    name = NAME

    def dump(self):
        catalog = api.portal.get_tool("portal_catalog")
        groups = {}
        for brain in catalog.unrestrictedSearchResults(portal_type="Training"):
            training = brain._unrestrictedGetObject()
            found = store.registrations(training)
            if found is None:
                continue
            group = groups.setdefault(
                store.group(training),
                {
                    "versions": [],
                    "attendance_taken": found.attendance_taken,
                    "records": [_json(record) for record in found.records],
                },
            )
            group["versions"].append(brain.UID)
        data = sorted(groups.values(), key=lambda group: sorted(group["versions"]))
        return [self._dump(data)]


class RegistrationsImporter(BaseImporter):
    name = NAME

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        filed = 0
        for group in data:
            training = next(filter(None, map(_training, group["versions"])), None)
            if training is None:
                continue
            found = store.registrations(training, create=True)
            found.records = [_stored(record) for record in group["records"]]
            found.attendance_taken = group["attendance_taken"]
            store.reindex(training)
            filed += 1
        return f"{self.__class__.__name__}: Imported registrations of {filed} trainings"


def _training(uid):
    return api.content.get(UID=uid)
