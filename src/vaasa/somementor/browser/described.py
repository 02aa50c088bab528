"""Tie each form field's help and error text to its controls, for screen readers.

z3c.form renders the message under a field but does not connect the two; a
screen reader then reads "invalid" without saying why. This adds ids to the
messages and ``aria-describedby`` / ``aria-invalid`` to the controls, in the
HTML the form rendered, so it works without JavaScript.
"""

from lxml import html

import re


_CONTROLS = ".//input[not(@type='hidden')] | .//select | .//textarea"


def described(markup):
    if not markup or "formfield-" not in markup:
        return markup
    root = html.fragment_fromstring(markup, create_parent="div")
    for wrapper in root.xpath(".//div[starts-with(@id, 'formfield-')]"):
        field_id = wrapper.get("id")[len("formfield-") :]
        ids = []
        for kind, selector in (("help", "form-text"), ("error", "invalid-feedback")):
            for number, element in enumerate(_direct(wrapper, selector)):
                element.set("id", f"{field_id}-{kind}-{number}")
                ids.append(element.get("id"))
        if not ids:
            continue
        invalid = any("-error-" in name for name in ids)
        for control in wrapper.xpath(_CONTROLS):
            control.set("aria-describedby", " ".join(ids))
            if invalid:
                control.set("aria-invalid", "true")
    for table in root.xpath(".//table[thead]"):
        _label_cells_by_column(table)
    inner = html.tostring(root, encoding="unicode")
    return re.sub(r"^<div>|</div>$", "", inner)


def _direct(wrapper, css_class):
    """Messages of this field, not of a table row nested inside it."""
    return [
        element
        for element in wrapper.xpath(f".//div[contains(concat(' ', @class, ' '), ' {css_class} ')]")
        if _owner(element) is wrapper
    ]


def _owner(element):
    parent = element.getparent()
    while parent is not None and not (parent.get("id") or "").startswith("formfield-"):
        parent = parent.getparent()
    return parent


def _label_cells_by_column(table):
    """Inputs in a table's rows are named by their column's heading (the row has no labels)."""
    headings = table.xpath("./thead/tr/th")
    for number, heading in enumerate(headings):
        heading.set("id", f"{table.get('id') or 'table'}-column-{number}")
    for row in table.xpath("./tbody/tr"):
        for number, cell in enumerate(row.xpath("./td")):
            if number >= len(headings) or not headings[number].text_content().strip():
                continue
            for control in cell.xpath(_CONTROLS):
                control.set("aria-labelledby", headings[number].get("id"))
