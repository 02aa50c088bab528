from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IMentorDirectory(model.Schema):
    """Holds the mentors that can be borrowed."""


class ITrainingProgramme(model.Schema):
    """Holds the trainings and events of the programme."""


class ILoanDesk(model.Schema):
    """Holds loan requests; only staff see inside."""


@implementer(IMentorDirectory)
class MentorDirectory(Container):
    pass


@implementer(ITrainingProgramme)
class TrainingProgramme(Container):
    pass


@implementer(ILoanDesk)
class LoanDesk(Container):
    # Requests arrive from many visitors at once. An ordered folder keeps one list of
    # ids that every add rewrites, so concurrent adds conflict; nobody sorts a desk by hand.
    _ordering = "unordered"

    def notifyModified(self):
        # Plone reindexes a folder, and stamps its modification date, on every item
        # added. Two visitors' requests arriving together then both rewrite the desk
        # and conflict past Zope's retries: a 500 for one of them (make load). The
        # desk's own date is read by nobody, so it is left alone.
        pass
