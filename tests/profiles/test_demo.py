from plone import api


def test_smoke(demo_integration):
    portal = demo_integration["portal"]
    assert "mentorit" in portal
