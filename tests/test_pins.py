"""pip and buildout must install the same, known-good Plone."""

from pathlib import Path

import configparser
import re


ROOT = Path(__file__).resolve().parent.parent


def constraints():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$", line.strip())
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def buildout_versions():
    parser = configparser.ConfigParser()
    parser.optionxform = str.lower
    parser.read(ROOT / "versions.cfg")
    return dict(parser["versions"])


def test_pip_and_buildout_pins_agree():
    assert constraints() == buildout_versions()


def test_plone_and_the_working_layout_are_pinned():
    pins = constraints()
    assert pins["plone"] == "6.2.2"
    assert pins["products.cmfplone"] == "6.2.2"
    # 7.0.0a6 breaks Zope start with an ImportError (AccountPanelValidation).
    assert pins["plone.app.layout"] == "6.0.2"


def test_no_prereleases_pinned():
    prereleases = {
        name: version
        for name, version in constraints().items()
        if re.search(r"\d(a|b|rc|\.dev)\d*$", version)
    }
    assert not prereleases


def test_every_installed_package_is_pinned():
    # A package that slips in unpinned can change under the next install.
    from importlib.metadata import distributions

    def key(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    pinned = {key(name) for name in constraints()}
    installed = {key(dist.metadata["Name"]) for dist in distributions()}
    assert installed - pinned - {"pip", "vaasa-somementor"} == set()
