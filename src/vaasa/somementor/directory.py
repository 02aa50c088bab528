"""Finding mentors: the one query behind the directory page and the REST listing."""

from plone import api
from plone.base.utils import munge_search_term
from Products.ZCTextIndex.ParseTree import ParseError


def find_mentors(directory, skill=None, language=None, department=None, text=None):
    """Catalog brains of the active mentors in ``directory`` the user may see."""
    query = {
        "portal_type": "Mentor",
        "path": "/".join(directory.getPhysicalPath()),
        "mentor_active": True,
        # Retired mentors stay viewable for coordinators but leave every listing.
        "review_state": ("private", "pending", "published"),
        "sort_on": "sortable_title",
    }
    if skill:
        query["mentor_skills"] = skill
    if language:
        query["mentor_languages"] = language
    if department:
        query["mentor_department"] = department
    if text:
        # Plone's own search quotes operators and parentheses and adds prefix wildcards.
        query["SearchableText"] = munge_search_term(text)
        if not query["SearchableText"]:
            return []
    try:
        return api.content.find(**query)
    except ParseError:
        # Whatever still does not parse can match nothing.
        return []
