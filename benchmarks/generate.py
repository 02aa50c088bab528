"""Fill the bench database: N mentors, 4 x N loan requests, N / 10 trainings, and a stock site.

Run inside Zope, after scripts/create_site.py has made the demo site::

    zconsole run benchmarks/var/instance/etc/zope.conf benchmarks/generate.py 5000

Every item is created as the site creates it (``api.content.create``: intids,
relations, translations, workflow) and moved through the real workflow, whose
rules run. Cataloguing is held back while the items are made and done once at
the end, one pass per item; the transaction commits in batches.

The stock site is classic Plone with plone.app.multilingual and the same
languages, without the add-on, holding the same Document as the demo site: the
baseline of the add-on's cost on every page.
"""

from AccessControl.SecurityManagement import newSecurityManager
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces import ILanguage
from Products.CMFCore import indexing
from stock_site import make_stock_site
from Testing.makerequest import makerequest
from vaasa.somementor.content.validators import wished_ranges
from vaasa.somementor.demo import data
from vaasa.somementor.interfaces import ISettings
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.intid.interfaces import IIntIds

import pytz
import sys
import time
import transaction


DEMO_SITE = "Plone"
LANGUAGES = ("fi", "sv")
BATCH = 500
TIMEZONE = pytz.timezone("Europe/Helsinki")
SKILLS = [
    "facebook",
    "instagram",
    "youtube",
    "blogs",
    "google-tools",
    "microsoft-365",
    "online-meetings",
    "e-learning",
    "mobile-devices",
    "e-books",
]
DEPARTMENTS = ["library", "education", "youth-services"]
FIRST = ["Anna", "Erik", "Sanna", "Maria", "Johanna", "Mikko", "Lars", "Aino", "Ville", "Stina"]
LAST = ["Virtanen", "Lindqvist", "Mäkinen", "Holm", "Björk", "Korhonen", "Nyström", "Laine"]
# Each state of a loan request and the steps that lead there from "submitted".
STATES = ("submitted", "approved", "scheduled", "completed", "rejected", "cancelled")
# A person's four loans fall in four months, so no rule refuses them.
LOAN_MONTHS = (1, 4, 7, 10)


class HeldIndexing:
    """Queue nothing while items are made; catalogue them once afterwards."""

    def __enter__(self):
        self.saved = {name: getattr(indexing.IndexQueue, name) for name in ("index", "reindex")}
        for name in self.saved:
            setattr(indexing.IndexQueue, name, lambda self, obj, *args, **kw: None)
        return self

    def __exit__(self, *exc):
        for name, method in self.saved.items():
            setattr(indexing.IndexQueue, name, method)


def commit_every(count, app):
    if count % BATCH == 0:
        transaction.commit()
        app._p_jar.cacheGC()


def created(container, portal_type, id, language, **fields):
    obj = api.content.create(container=container, type=portal_type, id=id, **fields)
    ILanguage(obj).set_language(language)
    return obj


def mentor_fields(number, language):
    first = FIRST[number % len(FIRST)]
    last = f"{LAST[number % len(LAST)]}-{number}"
    bio = data.BIO[language].format(name=first, cohort=2012 + number % 10)
    return {
        "first_name": first,
        "last_name": last,
        "job_title": data.MENTORS[number % len(data.MENTORS)]["job_title"][language],
        "department": DEPARTMENTS[number % len(DEPARTMENTS)],
        "description": data.MENTORS[number % len(data.MENTORS)]["description"][language],
        "skills": [SKILLS[number % len(SKILLS)], SKILLS[(number * 3 + 1) % len(SKILLS)]],
        "languages": ["fi", "sv"] if number % 2 else ["fi"],
        "loan_formats": ["on-site", "remote"] if number % 3 else ["remote"],
        "email": f"mentor{number}@example.org",
        "cohort": 2012 + number % 10,
        "max_loans_per_month": 4,
        "active": True,
        "bio": RichTextValue(f"<p>{bio}</p>", "text/html", "text/x-html-safe"),
    }


def make_mentors(app, directories, count):
    mentors = []
    for number in range(count):
        versions = {}
        for language in LANGUAGES:
            obj = created(
                directories[language],
                "Mentor",
                f"bench-mentor-{number}",
                language,
                **mentor_fields(number, language),
            )
            api.content.transition(obj, transition="publish")
            versions[language] = obj
        ITranslationManager(versions["fi"]).register_translation("sv", versions["sv"])
        mentors.append(versions)
        commit_every(number + 1, app)
    return mentors


def loan_steps(state):
    """The transitions to ``state``, each with the comment its rule asks for."""
    if state == "rejected":
        return [("reject", "Ei sopivaa mentoria tähän aikaan.")]
    if state == "cancelled":
        return [("cancel", "")]
    path = {"approved": 1, "scheduled": 2, "completed": 3}.get(state, 0)
    return [(step, "") for step in ("approve", "schedule", "complete")[:path]]


def make_loans(app, desks, mentors):
    intids = getUtility(IIntIds)
    catalog_free = 0
    for person, versions in enumerate(mentors):
        language = LANGUAGES[person % 2]
        mentor = versions[language]
        for slot, month in enumerate(LOAN_MONTHS):
            number = person * len(LOAN_MONTHS) + slot
            state = STATES[number % len(STATES)]
            day = 1 + person % 27
            start = TIMEZONE.localize(datetime(2027, month, day, 10))
            loan = created(
                desks[language],
                "LoanRequest",
                f"bench-loan-{number}",
                language,
                requester_name=f"Pyytäjä {number}",
                requester_email=f"requester{number}@example.org",
                organisation=f"Yksikkö {number % 200}",
                municipality=("Vaasa", "Korsholm", "Laihia", "Närpes")[number % 4],
                mentor=RelationValue(intids.getId(mentor)),
                skills_needed=[SKILLS[number % len(SKILLS)]],
                need="Tarvitsemme apua sosiaalisen median käytössä.",
                preferred_language=language,
                loan_format=("on-site", "remote")[number % 2],
                preferred_dates=wished_ranges(
                    [{"start": f"2027-{month:02}-{day:02}", "end": f"2027-{month:02}-28"}]
                ),
                expected_participants=1 + number % 12,
                consent=True,
            )
            if state in ("scheduled", "completed"):
                loan.scheduled_start = start
                loan.scheduled_end = start + timedelta(hours=2)
                loan.place = "Vaasan kaupunginkirjasto"
            if state == "completed":
                loan.outcome = "Opastus pidettiin."
                loan.hours_spent = 2.0
            for transition, comment in loan_steps(state):
                api.content.transition(loan, transition=transition, comment=comment)
            catalog_free += 1
            commit_every(catalog_free, app)


def make_trainings(app, programmes, count):
    now = datetime.now(pytz.utc)
    for number in range(count):
        # Two years around today, so the programme has past and coming trainings.
        start = TIMEZONE.localize(datetime(2026, 1, 5, 13)) + timedelta(days=number * 730 // count)
        versions = {}
        for language in LANGUAGES:
            training = created(
                programmes[language],
                "Training",
                f"bench-training-{number}",
                language,
                title=f"{('Koulutus', 'Utbildning')[language == 'sv']} {number}",
                start=start,
                end=start + timedelta(hours=3),
                timezone="Europe/Helsinki",
                kind="training",
                language_group=("fi", "sv", "regional")[number % 3],
                training_format=("in-person", "remote", "recorded")[number % 3],
                topics=[SKILLS[number % len(SKILLS)]],
                participants=10 + number % 15,
            )
            api.content.transition(training, transition="publish")
            if start + timedelta(hours=3) < now:
                api.content.transition(training, transition="complete")
            versions[language] = training
        ITranslationManager(versions["fi"]).register_translation("sv", versions["sv"])
        commit_every(number + 1, app)


def catalogue_once(app, containers):
    catalog = api.portal.get_tool("portal_catalog")
    done = 0
    for container in containers:
        for obj in container.objectValues():
            if obj.getId().startswith("bench-"):
                catalog.catalog_object(obj)
                done += 1
                commit_every(done, app)
    for container in containers:
        catalog.catalog_object(container)
    return done


def main(app, count):
    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app[DEMO_SITE]
    setSite(site)
    # No mail while the data is made; the bench turns mail on again before it measures.
    for name in ("notify_coordinators", "notify_requesters", "notify_mentors"):
        api.portal.set_registry_record(name, False, interface=ISettings)
    # @borrow is timed 30 times from one address.
    api.portal.set_registry_record("submissions_per_hour", 1_000_000, interface=ISettings)
    directories = {lang: site[lang][data.CONTAINERS["mentors"]["id"][lang]] for lang in LANGUAGES}
    desks = {lang: site[lang][data.CONTAINERS["loans"]["id"][lang]] for lang in LANGUAGES}
    programmes = {lang: site[lang][data.CONTAINERS["trainings"]["id"][lang]] for lang in LANGUAGES}
    timings = {}
    began = time.monotonic()
    with HeldIndexing():
        mentors = make_mentors(app, directories, count)
        timings["mentors"] = time.monotonic() - began
        make_loans(app, desks, mentors)
        timings["loans"] = time.monotonic() - began - sum(timings.values())
        make_trainings(app, programmes, max(1, count // 10))
        timings["trainings"] = time.monotonic() - began - sum(timings.values())
    transaction.commit()
    indexed = catalogue_once(app, [*directories.values(), *desks.values(), *programmes.values()])
    transaction.commit()
    timings["catalogue"] = time.monotonic() - began - sum(timings.values())
    for name in ("notify_coordinators", "notify_requesters", "notify_mentors"):
        api.portal.set_registry_record(name, True, interface=ISettings)
    transaction.commit()
    make_stock_site(app)
    timings["total"] = time.monotonic() - began
    print(
        f"Generated N={count}: {len(mentors) * len(LANGUAGES)} mentor profiles, "
        f"{len(mentors) * len(LOAN_MONTHS)} loan requests, {max(1, count // 10)} trainings "
        f"x {len(LANGUAGES)} languages; {indexed} items catalogued once."
    )
    print("Generation seconds: " + ", ".join(f"{k} {v:.0f}" for k, v in timings.items()))


main(app, int(sys.argv[-1]))  # noqa: F821 - zconsole provides ``app``
