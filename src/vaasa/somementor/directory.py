"""Finding mentors: the one query behind the directory page and the REST listing.

``find_mentors`` gives the brains of one filtered result; ``facet_counts`` says, for
each filter value, how many mentors the result would hold with it. The counts come
from the catalog's indexes alone (record-id sets intersected with index rows), so no
brain and no object is made for counting, however many mentors there are.
"""

from BTrees.IIBTree import intersection
from plone import api
from plone.base.utils import munge_search_term
from Products.ZCTextIndex.ParseTree import ParseError
from vaasa.somementor import record_ids


# The filters a visitor can combine: keyword (as in the URL) -> catalog index.
FACETS = {
    "skill": "mentor_skills",
    "language": "mentor_languages",
    "department": "mentor_department",
    "loan_format": "mentor_loan_formats",
}


def _query(directory, text):
    """The catalog query for the listable mentors matching ``text``, or None for none."""
    query = {
        "portal_type": "Mentor",
        "path": "/".join(directory.getPhysicalPath()),
        "mentor_active": True,
        # Retired mentors stay viewable for coordinators but leave every listing.
        "review_state": ("private", "pending", "published"),
    }
    if text:
        # Plone's own search quotes operators and parentheses and adds prefix wildcards.
        query["SearchableText"] = munge_search_term(text)
        if not query["SearchableText"]:
            return None
    return query


def find_mentors(directory, text=None, b_start=0, b_size=None, **filters):
    """Catalog brains of the active mentors in ``directory`` the user may see, by name.

    ``filters`` are values for the keywords of ``FACETS``, e.g. ``skill="facebook"``.
    With ``b_size`` only the batch from ``b_start`` is sorted and made into brains;
    the result still says the full length (``actual_result_count``), as
    ``plone.batching.Batch`` and plone.restapi's batch read it. Without, every
    mentor is sorted by name: 16 ms at 5,000 mentors, against 5 ms for one batch.
    """
    query = _query(directory, text)
    if query is None:
        return []
    query.update({FACETS[name]: value for name, value in _chosen(filters).items()})
    query["sort_on"] = "sortable_title"
    if b_size:
        # ZCatalog sorts only the best b_start + b_size (from the end for a late page).
        query.update(b_start=b_start, b_size=b_size)
    try:
        return api.content.find(**query)
    except ParseError:
        # Whatever still does not parse can match nothing.
        return []


def facet_counts(directory, text=None, **filters):
    """How many mentors each filter value would give, with the other filters kept.

    Takes the same arguments as ``find_mentors``. Returns ``{facet: {value: count}}``
    for every facet of ``FACETS`` and every value its index holds. A facet's counts
    honour the text and the *other* facets' choices, not its own, so a visitor sees
    what choosing another value of it would give. The user's permissions apply: the
    result is read through the catalog's ``searchResults``, which adds
    ``allowedRolesAndUsers``.
    """
    catalog = api.portal.get_tool("portal_catalog")
    indexes = {name: catalog._catalog.getIndex(index) for name, index in FACETS.items()}
    found = record_ids.found(catalog, _query(directory, text))
    rows = {name: record_ids.row(indexes[name], value) for name, value in _chosen(filters).items()}
    counts = {}
    for name, index in indexes.items():
        within = found
        for other, row in rows.items():
            if other != name:
                within = intersection(within, row)
        counts[name] = {
            value: len(intersection(within, record_ids.as_set(row))) if within else 0
            for value, row in index._index.items()
        }
    return counts


def _chosen(filters):
    unknown = set(filters) - set(FACETS)
    if unknown:
        raise TypeError(f"no such mentor filter: {', '.join(sorted(unknown))}")
    return {name: value for name, value in filters.items() if value}
