"""The requester's private status link.

The token is kept on the request so later mails can repeat the link; the catalog
holds only its hash, so a search index never gives the link away.
"""

from plone import api

import hashlib
import secrets


def _hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token():
    """A fresh token, set on the request before it is added so the first mail has it."""
    return secrets.token_urlsafe(24)


def token_hash(loan):
    token = getattr(loan, "_status_token", None)
    return _hash(token) if token else None


def find(token):
    """The loan request the token belongs to, or None."""
    if not token:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="LoanRequest", loan_token_hash=_hash(token)
    )
    return brains[0]._unrestrictedGetObject() if len(brains) == 1 else None


def status_url(loan):
    """Where the requester follows and cancels the request, in the desk's language."""
    token = getattr(loan, "_status_token", None)
    if not token:
        return None
    root = api.portal.get_navigation_root(loan)
    return f"{root.absolute_url()}/@@loan-status/{token}"
