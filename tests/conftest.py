from pytest_plone import fixtures_factory
from vaasa.somementor.testing import DEMO_FUNCTIONAL_TESTING
from vaasa.somementor.testing import DEMO_INTEGRATION_TESTING
from vaasa.somementor.testing import FUNCTIONAL_TESTING
from vaasa.somementor.testing import INTEGRATION_TESTING


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            (DEMO_FUNCTIONAL_TESTING, "demo_functional"),
            (DEMO_INTEGRATION_TESTING, "demo_integration"),
        ),
        # Layers are set up when their tests run, not all at once: the demo layer
        # stacks on the plain one and the two cannot both be live.
        keep_session=False,
    )
)
