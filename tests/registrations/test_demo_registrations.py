from plone import api
from vaasa.somementor.registrations import store


class TestDemoRegistrations:
    def test_one_with_seats_and_one_full_with_a_waiting_list(self, demo_integration):
        open_one = api.content.get(path="/fi/koulutukset/instagram-nuorisotyossa")
        full = api.content.get(path="/fi/koulutukset/teams-moten")
        assert store.seats_taken(open_one) == 3 < open_one.capacity
        books = store.registrations(full)
        assert len(books.in_state(store.CONFIRMED)) == full.capacity == 3
        assert [books.position(r) for r in books.in_state(store.WAITING)] == [1, 2]

    def test_every_version_reads_the_same_seats(self, demo_integration):
        for path in ("/fi/koulutukset/teams-moten", "/sv/utbildningar/teams-moten-i-praktiken"):
            (brain,) = api.content.find(UID=api.content.get(path=path).UID())
            assert brain.training_seats_taken == 3
