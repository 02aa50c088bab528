"""Many visitors ask at once: every request is stored, none gets a 5xx."""

from plone import api
from services.test_borrow_bad_input import body
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.loans import rate_limit
from ZPublisher.HTTPRequest import HTTPRequest

import concurrent.futures
import requests
import transaction


CLIENTS = 8
SUBMISSIONS = 40


class TestConcurrentSubmissions:
    def test_forty_at_once_from_eight_clients(self, demo_functional, site_url, monkeypatch):
        # The test layers keep data in a DemoStorage, which resolves no conflicts at all:
        # two new requests indexed into one catalog bucket always conflict there, where a
        # FileStorage merges them. More retries stand in for that resolution; the desk's
        # own id list, which no storage could merge, is tested in content/.
        monkeypatch.setattr(HTTPRequest, "retry_max_count", 20)
        rate_limit.reset()
        # The whole test comes from one address; the limit is not what is tested here.
        api.portal.set_registry_record("submissions_per_hour", 1000, interface=ISettings)
        transaction.commit()
        catalog = api.portal.get_tool("portal_catalog")
        before = len(catalog.unrestrictedSearchResults(portal_type="LoanRequest"))
        urls = [
            f"{site_url}/++api++/{path}/@borrow"
            for path in ("fi/lainapyynnot", "fi/mentorit/anna-virtanen", "sv/laneforfragningar")
        ]

        def submit(index):
            with requests.Session() as session:
                return session.post(
                    urls[index % len(urls)],
                    data=body(),
                    headers={"Accept": "application/json", "Content-Type": "application/json"},
                    timeout=120,
                )

        with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
            answers = list(pool.map(submit, range(SUBMISSIONS)))

        assert [answer.status_code for answer in answers] == [201] * SUBMISSIONS, [
            answer.text[:200] for answer in answers if answer.status_code != 201
        ]
        transaction.begin()
        stored = catalog.unrestrictedSearchResults(portal_type="LoanRequest")
        assert len(stored) == before + SUBMISSIONS
        status_urls = {answer.json()["status_url"] for answer in answers}
        assert len(status_urls) == SUBMISSIONS
