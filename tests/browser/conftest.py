"""Real-browser fixtures: Debian's Chromium driven by Playwright's sync API.

Playwright cannot download its own browsers here, so the system Chromium is used.
Install it with ``apt-get install chromium`` (it lands in /usr/bin/chromium).
Every test that uses ``browser`` or ``page`` is marked ``browser``, so
``pytest -m "not browser"`` leaves them out.
"""

from pathlib import Path

import pytest


CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Generous for a test server that renders Plone pages on one or two CPUs.
TIMEOUT_MS = 30_000

HERE = Path(__file__).parent


def pytest_terminal_summary(terminalreporter):
    from accessibility import stock_violations

    if stock_violations:
        terminalreporter.section("axe-core: violations in the stock theme (not failing)")
        for line in sorted(set(stock_violations)):
            terminalreporter.write_line(line)


def pytest_collection_modifyitems(config, items):
    for item in items:
        uses_browser = {"browser", "page"} & set(getattr(item, "fixturenames", ()))
        if uses_browser and HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session.

    ``launch`` gives the browser a fresh, temporary user data dir of its own,
    removed again when the browser closes.
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
            "Install it with `apt-get update && apt-get install -y chromium`, "
            'or leave these tests out with `pytest -m "not browser"`.',
            pytrace=False,
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "The `playwright` Python package is missing: install it into the venv "
            "(the browser itself comes from `apt-get install chromium`).",
            pytrace=False,
        )

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
        )
    except Exception as error:
        playwright.stop()
        pytest.fail(f"Could not start {CHROMIUM} through Playwright: {error}", pytrace=False)
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@pytest.fixture
def page(browser):
    """A page in a new browser context: no cookies, so the visitor is anonymous."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
