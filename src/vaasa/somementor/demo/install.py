"""Fill a site with the demo content in Finnish, Swedish and English, once: a rerun adds nothing."""

from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.app.multilingual.interfaces import ILanguageIndependentFolder
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces import ILanguage
from plone.i18n.normalizer.interfaces import IIDNormalizer
from plone.namedfile.file import NamedBlobFile
from vaasa.somementor import ring
from vaasa.somementor.content.validators import wished_ranges
from vaasa.somementor.demo import data
from vaasa.somementor.demo import portlets
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store
from vaasa.somementor.settings import setting
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory
from zope.intid.interfaces import IIntIds

import logging
import pytz


logger = logging.getLogger(__name__)

# Finnish first: it is the site's default language and the original of each translation.
LANGUAGES = ("fi", "sv", "en")
TIMEZONE = "Europe/Helsinki"
# The msgid plone.app.multilingual titles a language root's shared folder with.
ASSETS_TITLE = MessageFactory("plone")("assets_folder_title", default="Assets")


def create_demo_content(context):
    """Post handler of the ``demo`` profile."""
    site = api.portal.get()
    _set_up_languages(site)
    _create_people()
    containers = {
        key: _translated(lambda language, spec=spec: _container(site[language], spec, language))
        for key, spec in data.CONTAINERS.items()
    }
    mentors = {
        spec["id"]: _translated(
            lambda language, spec=spec: _mentor(containers["mentors"][language], spec, language)
        )
        for spec in data.MENTORS
    }
    for spec in (*data.TRAININGS, *data.RING_MEETINGS):
        _translated(
            lambda language, spec=spec: _training(containers["trainings"][language], spec, language)
        )
    _registrations(containers["trainings"][LANGUAGES[0]])
    _ring_materials(containers["mentors"])
    for context in (site, *containers["trainings"].values()):
        portlets.drop_events_portlets(context)
    for key in ("mentors", "trainings"):
        for container in containers[key].values():
            portlets.block_inherited_navigation(container)
    privacy = _translated(lambda language: _privacy_page(site[language], language))
    if not setting("privacy_page"):
        # Set once: a coordinator may point the form at another page later.
        path = f"/{LANGUAGES[0]}/{privacy[LANGUAGES[0]].getId()}"
        api.portal.set_registry_record("privacy_page", path, interface=ISettings)
    for spec in data.LOAN_REQUESTS:
        if _loan_request_exists(spec["id"]):
            # Sites made before the English desk keep the English request at the Finnish one.
            continue
        # Requests are not translated: each waits at the desk of the language it was written in.
        wished = spec["preferred_language"]
        language = wished if wished in LANGUAGES else LANGUAGES[0]
        _loan_request(containers["loans"][language], spec, mentors, language)


def _create_people():
    spec = data.COORDINATOR
    if api.user.get(username=spec["username"]) is None:
        api.user.create(
            username=spec["username"],
            email=spec["email"],
            password=data.DEMO_PASSWORD,
            properties={"fullname": spec["fullname"]},
        )
        api.group.add_user(groupname="mentor-coordinators", username=spec["username"])
    for spec in data.MENTORS:
        if spec["id"] in data.MENTOR_USERS and api.user.get(username=spec["id"]) is None:
            api.user.create(
                username=spec["id"],
                email=spec["email"],
                password=data.DEMO_PASSWORD,
                properties={"fullname": f"{spec['first_name']} {spec['last_name']}"},
            )


def _set_up_languages(site):
    api.portal.set_registry_record("plone.available_languages", list(LANGUAGES))
    api.portal.set_registry_record("plone.default_language", LANGUAGES[0])
    # A visitor whose browser asks for Swedish lands in /sv from the site root.
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    SetupMultilingualSite().setupSite(site)
    for language in LANGUAGES:
        _title_assets_folder(site[language], language)


def _title_assets_folder(root, language):
    """Name each root's shared "Assets" folder in its language, as a new site would.

    plone.app.multilingual titles it with the plone msgid ``assets_folder_title``,
    which the add-on's plone catalogue translates; on a site made before that, the
    folder still has the English default. A title someone chose is left alone.
    """
    title = translate(ASSETS_TITLE, target_language=language)
    for folder in root.objectValues():
        if not ILanguageIndependentFolder.providedBy(folder) or folder.Title() == title:
            continue
        if folder.Title() in (ASSETS_TITLE.default, ""):
            folder.setTitle(title)
            folder.reindexObject(idxs=["Title", "sortable_title", "SearchableText"])


def _translated(create):
    """Create an item in every demo language and link the versions as translations."""
    original = create(LANGUAGES[0])
    manager = ITranslationManager(original)
    versions = {LANGUAGES[0]: original}
    for language in LANGUAGES[1:]:
        version = manager.get_translation(language)
        if version is None:
            version = create(language)
            manager.register_translation(language, version)
        versions[language] = version
    return versions


def _localised(value, language):
    return value[language] if isinstance(value, dict) else value


def _existing_or_create(container, portal_type, id, **fields):
    if id in container:
        return container[id]
    obj = api.content.create(container=container, type=portal_type, id=id, **fields)
    if ITranslatable.providedBy(obj):
        # plone.app.multilingual sets the language only for requests through the site's
        # browser layer, which a setup script does not have: take the language root's.
        ILanguage(obj).set_language(ILanguage(container).get_language())
        obj.reindexObject()
    logger.info("Demo content created: %s", "/".join(obj.getPhysicalPath()))
    return obj


def _publish(obj):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj, to_state="published")


def _container(root, spec, language):
    obj = _existing_or_create(
        root,
        spec["type"],
        _localised(spec["id"], language),
        title=_localised(spec["title"], language),
        description=_localised(spec["description"], language),
    )
    if spec["type"] != "LoanDesk":
        _publish(obj)
    return obj


def _mentor(directory, spec, language):
    fields = {key: _localised(value, language) for key, value in spec.items() if key != "id"}
    fields.setdefault("active", True)
    if spec["id"] in data.MENTOR_USERS:
        fields["user_id"] = spec["id"]
    bio = data.BIO[language].format(name=fields["first_name"], cohort=fields["cohort"])
    fields["bio"] = RichTextValue(f"<p>{bio}</p>", "text/html", "text/x-html-safe")
    obj = _existing_or_create(directory, "Mentor", spec["id"], **fields)
    _publish(obj)
    return obj


def _when(value):
    return pytz.timezone(TIMEZONE).localize(datetime.fromisoformat(value))


def _training(programme, spec, language):
    title = _localised(spec["title"], language)
    id = spec["id"] if language == LANGUAGES[0] else getUtility(IIDNormalizer).normalize(title)
    start = _when(spec["start"])
    remote = spec["training_format"] == "remote"
    obj = _existing_or_create(
        programme,
        "Training",
        id,
        title=title,
        start=start,
        end=start + timedelta(hours=spec["hours"]),
        timezone=TIMEZONE,
        kind=spec["kind"],
        language_group=spec["language_group"],
        training_format=spec["training_format"],
        participants=spec["participants"],
        topics=spec["topics"],
        organiser=_localised(data.SUMMER_UNIVERSITY, language),
        location=None if remote else _localised(data.LIBRARY_ADDRESS, language),
        meeting_url="https://connect.example.org/somementori" if remote else None,
        recording_url=spec.get("recording_url"),
    )
    if api.content.get_state(obj) == "completed":
        return obj
    _publish(obj)
    held = start + timedelta(hours=spec["hours"]) < datetime.now(pytz.utc)
    if held and spec["participants"] is not None:
        # Held, with the seed's count: the funder's statistics count completed trainings only.
        api.content.transition(obj, transition="complete")
    return obj


def _registrations(programme):
    """Sign the demo people up once; a rerun finds the training's registrations and stops."""
    for id, spec in data.REGISTRATIONS.items():
        training = programme.get(id)
        if training is None or store.records(training):
            continue
        if training.capacity is None:
            for version in store.versions(training):
                version.capacity = spec["capacity"]
                version.reindexObject(idxs=["getId"])
        for name, email, unit, language in spec["people"]:
            values = {"name": name, "email": email, "unit": unit, "language": language}
            sign_up.register(training, values)


def _ring_materials(directories):
    """The mentor ring's private materials folder in each directory, with a few items."""
    folders = _translated(
        lambda language: _existing_or_create(
            directories[language],
            "Folder",
            ring.MATERIALS_ID,
            title=data.RING_MATERIALS_TITLE[language],
        )
    )
    for language, folder in folders.items():
        # Private on purpose: only the ring and the coordinators see it.
        ring.share_materials(folder)
        for spec in data.RING_MATERIALS[language]:
            if spec["type"] == "Link":
                fields = {"remoteUrl": spec["url"]}
            else:
                blob = NamedBlobFile(
                    data=spec["text"].encode("utf-8"),
                    contentType="text/plain",
                    filename=spec["id"],
                )
                fields = {"file": blob}
            _existing_or_create(
                folder,
                spec["type"],
                spec["id"],
                title=spec["title"],
                description=spec["description"],
                **fields,
            )


def _privacy_page(root, language):
    spec = data.PRIVACY
    html = "".join(
        f"<h2>{heading}</h2><p>{text}</p>" for heading, text in spec["sections"][language]
    )
    page = _existing_or_create(
        root,
        "Document",
        spec["id"][language],
        title=spec["title"][language],
        description=spec["description"][language],
        text=RichTextValue(html, "text/html", "text/x-html-safe"),
        # The request form links it where the data is asked for; no tab of its own.
        exclude_from_nav=True,
    )
    _publish(page)
    return page


def _loan_request_exists(id):
    catalog = api.portal.get_tool("portal_catalog")
    return bool(catalog.unrestrictedSearchResults(portal_type="LoanRequest", id=id))


def _loan_request(desk, spec, mentors, language):
    fields = {
        key: value for key, value in spec.items() if key not in ("id", "mentor", "state", "comment")
    }
    for key in ("scheduled_start", "scheduled_end"):
        if fields.get(key):
            fields[key] = _when(fields[key])
    mentor = mentors.get(spec["mentor"], {}).get(language)
    if mentor is not None:
        fields["mentor"] = RelationValue(getUtility(IIntIds).getId(mentor))
    fields["consent"] = True
    # Written as a REST client would; stored as the form stores them, as rows of dates.
    fields["preferred_dates"] = wished_ranges(fields["preferred_dates"])
    loan = _existing_or_create(desk, "LoanRequest", spec["id"], **fields)
    if api.content.get_state(loan) == "submitted":
        for transition in data.TRANSITIONS[spec["state"]]:
            api.content.transition(loan, transition=transition, comment=spec.get("comment", ""))
    return loan
