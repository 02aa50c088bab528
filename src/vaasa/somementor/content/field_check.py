"""What a visitor sent, checked field by field with the schema's own rules.

The loan request and the training registration take visitors' input the same
way: a value in the field's type (``coerce`` reads JSON's and a form's spelling),
the schema's default for one left out, and for each bad value the message a
person can act on. Nothing is stored here; the caller decides.
"""

from vaasa.somementor import _
from vaasa.somementor.content import validators
from zope.schema import ValidationError
from zope.schema.interfaces import IBool


def as_sent(field, raw):
    return None if raw is None or raw == "" else raw


def checked(schema, names, data, context, coerce=as_sent):
    """``(values, errors)``: the good values by name, and ``(name, message id)`` pairs."""
    values, errors = {}, []
    for name in names:
        field = schema[name].bind(context)
        try:
            value = coerce(field, data.get(name))
        except ValidationError as error:
            errors.append((name, validators.message(error, field)))
            continue
        if isinstance(value, bool) and not IBool.providedBy(field):
            # JSON true is a Python int, yet nobody means one participant by it.
            errors.append((name, validators.wrong_value(field)))
            continue
        if value is None:
            # A field left out takes the schema's default, as on the form.
            value = field.default
        if value is None:
            if field.required:
                errors.append((name, _("Fill in this field.")))
            continue
        try:
            field.validate(value)
        except ValidationError as error:
            errors.append((name, validators.message(error, field)))
            continue
        except TypeError:
            # An object or a list where a vocabulary wants a word cannot even be looked up.
            errors.append((name, validators.wrong_value(field)))
            continue
        values[name] = value
    return values, errors
