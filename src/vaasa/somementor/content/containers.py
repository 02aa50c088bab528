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
