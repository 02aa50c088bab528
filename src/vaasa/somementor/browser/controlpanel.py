from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from vaasa.somementor import _
from vaasa.somementor.interfaces import ISettings


class SettingsForm(RegistryEditForm):
    schema = ISettings
    label = _("Borrow a SoMe mentor")
    description = _("Addresses, limits and mail of the mentor programme.")


SettingsView = layout.wrap_form(SettingsForm, ControlPanelFormWrapper)
