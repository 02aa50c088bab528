"""Edit and add forms say which fields are shared by all translations."""

from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from vaasa.somementor import _
from z3c.form.interfaces import INPUT_MODE
from z3c.form.widget import ComputedWidgetAttribute
from zope.i18n import translate


def _shared_label(adapter):
    # Only where the value is typed in: a page that shows the value needs no note.
    if adapter.widget.mode != INPUT_MODE:
        return adapter.field.title
    label = translate(adapter.field.title, context=adapter.request)
    return _("${label} (the same in all languages)", mapping={"label": label})


SharedFieldLabel = ComputedWidgetAttribute(_shared_label, field=ILanguageIndependentField)
