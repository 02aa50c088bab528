"""Test layers: the add-on installed on a plain Plone site, with and without demo content."""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.supermodel.model import finalizeSchemas
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.CMFCore.indexing import processQueue

import os
import vaasa.somementor


# *.mo files are not in git: zope.i18n compiles them from the .po files while
# it reads the ZCML, but only when this is set by then.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class SomementorLayer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=vaasa.somementor)
        # Plone reads an add-on's overrides.zcml at startup; the layer must ask for it.
        self.loadZCML(package=vaasa.somementor, name="overrides.zcml")
        # Test modules import our schemas before the base layer loads Plone's ZCML,
        # which finalizes them without plone.app.multilingual's plugin; a started Zope
        # loads all ZCML first. Finalize again so shared fields are marked as in Zope.
        finalizeSchemas()

    def setUpPloneSite(self, portal):
        from plone import api

        applyProfile(portal, "vaasa.somementor:default")
        # As scripts/create_site.py sets it: loan times are read as Vaasa time.
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Helsinki")


FIXTURE = SomementorLayer()


class DemoLayer(PloneSandboxLayer):
    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "vaasa.somementor:demo")
        # The layer commits after leaving the site, where the catalog queue can
        # no longer be indexed and the commit fails silently; flush it here.
        processQueue()


DEMO_FIXTURE = DemoLayer()


class UninstalledLayer(PloneSandboxLayer):
    """The add-on installed, given a mentor, then uninstalled.

    Uninstalling changes the site's component registry; done here, the change
    lives in this layer's own storage and registry stack instead of leaking
    from one test into the others.
    """

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        from plone import api
        from plone.base.utils import get_installer

        with api.env.adopt_roles(["Manager"]):
            directory = api.content.create(portal, "MentorDirectory", id="mentors", title="M")
            api.content.create(
                directory,
                "Mentor",
                id="anna",
                first_name="Anna",
                last_name="A",
                department="library",
                languages=["fi"],
                email="anna@example.org",
            )
        get_installer(portal).uninstall_product("vaasa.somementor")
        processQueue()


UNINSTALLED_FIXTURE = UninstalledLayer()

INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="vaasa.somementor:Integration")
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="vaasa.somementor:Functional"
)
DEMO_INTEGRATION_TESTING = IntegrationTesting(
    bases=(DEMO_FIXTURE,), name="vaasa.somementor:DemoIntegration"
)
UNINSTALLED_INTEGRATION_TESTING = IntegrationTesting(
    bases=(UNINSTALLED_FIXTURE,), name="vaasa.somementor:UninstalledIntegration"
)
DEMO_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(DEMO_FIXTURE, WSGI_SERVER_FIXTURE), name="vaasa.somementor:DemoFunctional"
)
