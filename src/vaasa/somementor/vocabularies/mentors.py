"""The mentors a visitor can ask for: published, active, in the language they browse."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def lendable_mentors(context=None):
    """Terms by UID, titled with the mentor's name, from catalog metadata only."""
    site = api.portal.get()
    root = api.portal.get_navigation_root(context if context is not None else site)
    brains = api.content.find(
        portal_type="Mentor",
        path="/".join(root.getPhysicalPath()),
        review_state="published",
        mentor_active=True,
        sort_on="sortable_title",
    )
    return SimpleVocabulary([SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in brains])
