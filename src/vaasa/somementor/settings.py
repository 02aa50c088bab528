from plone import api
from vaasa.somementor.interfaces import ISettings


PREFIX = "vaasa.somementor"


def setting(name):
    """A value of the control panel, or its default where the record is missing."""
    value = api.portal.get_registry_record(name, interface=ISettings, default=None)
    return ISettings[name].default if value is None else value
