"""Vocabularies whose terms are part of the programme itself.

Tokens are stored on content and in the catalog, so they never change;
titles are message ids and follow the visitor's language.
"""

from vaasa.somementor import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _fixed(*pairs):
    vocabulary = SimpleVocabulary([SimpleTerm(token, token, title) for token, title in pairs])

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    return factory


skills = _fixed(
    ("facebook", _("Facebook")),
    ("instagram", _("Instagram")),
    ("x-twitter", _("X/Twitter")),
    ("youtube", _("YouTube")),
    ("linkedin", _("LinkedIn")),
    ("tiktok", _("TikTok")),
    ("blogs", _("Blogs")),
    ("google-tools", _("Google tools")),
    ("microsoft-365", _("Microsoft 365 and Teams")),
    ("online-meetings", _("Online meetings")),
    ("e-learning", _("E-learning platforms")),
    ("copyright-privacy", _("Copyright and privacy")),
    ("information-literacy", _("Information literacy")),
    ("mobile-devices", _("Tablets and smartphones")),
    ("e-books", _("E-books and library e-services")),
    ("youth-online-safety", _("Young people's online safety")),
)

languages = _fixed(
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
)

loan_formats = _fixed(
    ("on-site", _("On site")),
    ("remote", _("Remote (web conference)")),
)

language_groups = _fixed(
    ("fi", _("Finnish group")),
    ("sv", _("Swedish group")),
    ("regional", _("Regional group of municipalities")),
)

training_kinds = _fixed(
    ("training", _("Training session")),
    ("event", _("Public event")),
    # The mentors' own peer-support meetings (ring.RING_MEETING). Not training given
    # to the programme's audience: the funder's statistics must count neither these
    # nor their participants as training events.
    ("ring-meeting", _("Ring meeting")),
)

training_formats = _fixed(
    ("in-person", _("In person, hands-on")),
    ("remote", _("Remote, by web conference")),
    ("recorded", _("Recorded lecture")),
)
