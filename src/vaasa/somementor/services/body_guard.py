"""Refuse a JSON body nested too deep before anything in Zope tries to read it.

plone.restapi's token plugin parses every ``application/json`` body while it
authenticates, before any endpoint runs, and a body nested thousands of levels
deep makes that parse fail with a RecursionError: a 500 for the whole site.
"""

from vaasa.somementor import _
from zExceptions import BadRequest
from zope.i18n import translate

import json


# Nothing a person sends is nested more than a few levels; Python's parser gives up near 1,000.
MAX_OPENINGS = 500


def refuse_deep_json(site, event):
    request = event.request
    if (request.getHeader("Content-Type") or "").split(";")[0].strip() != "application/json":
        return
    body = request.get("BODY") or b""
    # A body cannot be nested deeper than its count of brackets: most are checked at no cost.
    if body.count(b"[") + body.count(b"{") <= MAX_OPENINGS:
        return
    try:
        json.loads(body)
    except RecursionError:
        message = _("The request is nested too deep to read.")
        raise BadRequest(translate(message, context=request)) from None
    except ValueError:
        return  # broken JSON is each endpoint's to refuse, with its own message
