"""The table of wished date ranges, safe against a hand-made post.

collective.z3cform.datagridfield trusts the row counter the browser sends: a
counter that is no number, that names rows the post does not carry, or that is
huge gives a 500 or makes thousands of row widgets. The counter is read from the
rows actually posted instead, at most one more than a request may have (so the
"at most 10 ranges" message still shows).
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from vaasa.somementor.content.validators import MAX_DATE_RANGES
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import NO_VALUE
from z3c.form.widget import FieldWidget
from zope.interface import implementer

import re


class WishedDatesWidget(DataGridFieldWidget):
    def _trust_only_posted_rows(self):
        counter = self.request.form.get(self.counterName)
        if counter is None:
            return
        # A row widget reads a row only when its marker came with the post.
        row = re.compile(re.escape(self.name) + r"\.(\d+)-empty-marker$")
        posted = {int(found.group(1)) for key in self.request.form if (found := row.match(key))}
        rows = 0
        while rows in posted and rows <= MAX_DATE_RANGES:
            rows += 1
        self.request.form[self.counterName] = str(rows)

    def update(self):
        self._trust_only_posted_rows()
        super().update()

    def extract(self, default=NO_VALUE):
        self._trust_only_posted_rows()
        return super().extract(default)


@implementer(IFieldWidget)
def WishedDatesFieldWidget(field, request):
    return FieldWidget(field, WishedDatesWidget(request))
