"""A browser context of a signed-in user: HTTP basic auth on every request, as Plone takes it."""

import base64


def signed_in_context(browser, login, **options):
    """A new context for ``login`` (user name, password); options as ``browser.new_context``."""
    token = base64.b64encode(":".join(login).encode()).decode()
    options = {"locale": "fi-FI", "viewport": {"width": 1280, "height": 900}, **options}
    context = browser.new_context(extra_http_headers={"Authorization": f"Basic {token}"}, **options)
    context.set_default_timeout(30_000)
    return context
