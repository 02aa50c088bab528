"""axe-core in the real browser: the add-on's markup must pass, the stock theme is reported.

Every template of the add-on marks its own markup with a ``data-somementor``
attribute. Serious and critical violations inside it fail the test; what axe
finds elsewhere on the page (Barceloneta, stock viewlets) is collected and
printed at the end of the run, so it is seen without failing on what we do
not own.
"""

from axe_playwright_python.sync_playwright import Axe

import pytest


OWN_MARKUP = "[data-somementor]"
FAILING_IMPACTS = ("serious", "critical")

_axe = Axe()
stock_violations = []


def _describe(violation):
    targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} [{targets}]"


def assert_accessible(page):
    """Fail on serious or critical axe violations inside the add-on's own markup."""
    if not page.locator(OWN_MARKUP).count():
        pytest.fail(f"{page.url} has no element marked {OWN_MARKUP} to check")
    own = _axe.run(page, context={"include": [OWN_MARKUP]}).response["violations"]
    failing = [violation for violation in own if violation["impact"] in FAILING_IMPACTS]
    everything = _axe.run(page, context={"exclude": [OWN_MARKUP]}).response["violations"]
    for violation in everything:
        stock_violations.append(f"{page.url}: {_describe(violation)}")
    assert not failing, "\n".join(_describe(violation) for violation in failing)
