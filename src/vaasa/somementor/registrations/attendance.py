"""Who came: marked by a coordinator, and counted when the training is marked as held."""

from vaasa.somementor.registrations import store


def mark(training, attended_ids):
    """Set who of the confirmed attended: those in ``attended_ids``, nobody else."""
    books = store.registrations(training)
    if books is None:
        return 0
    attended_ids = set(attended_ids)
    for record in books.in_state(store.CONFIRMED):
        attended = record["id"] in attended_ids
        if record["attended"] != attended:
            books.update(record["id"], attended=attended)
    books.attendance_taken = True
    return attended_count(training)


def attended_count(training):
    """How many attended; None while nobody has taken the attendance."""
    books = store.registrations(training)
    if books is None or not books.attendance_taken:
        return None
    return sum(1 for record in books.in_state(store.CONFIRMED) if record["attended"])


def fill_participants(training):
    """Take the participant count from the attendance, unless a count was typed in.

    ``participants`` is shared by the versions of the training, so each gets it.
    Return the count set, or None when there was none to take.
    """
    if getattr(training, "participants", None) is not None:
        return None
    count = attended_count(training)
    if count is None:
        return None
    for version in store.versions(training):
        version.participants = count
        if version is not training:
            # The training itself is reindexed by its transition.
            version.reindexObject(idxs=["getId"])
    return count
