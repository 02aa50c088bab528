from plone import api


class TestDemo:
    def test_a(self, demo_integration):
        assert "mentorit" in demo_integration["portal"]

    def test_b(self, demo_integration):
        assert "mentorit" in demo_integration["portal"]
