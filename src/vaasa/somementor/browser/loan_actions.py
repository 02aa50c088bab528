"""The steps of a loan request offered on a listing row, and the one view that takes them.

The coordinators' desk and "My loans" show the same small forms: each row lists
the steps its reader may take, and each step asks for its fields inline (a
``<details>`` with a form, no JavaScript needed). Every form posts to
``@@loan-transition`` on the request, which asks ``loans.handling`` and sends
the reader back to the row; a refusal is shown beside that row.
"""

from plone import api
from plone.protect.authenticator import check
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from urllib.parse import urlsplit
from vaasa.somementor import _
from vaasa.somementor.browser.terms import title_map
from vaasa.somementor.browser.terms import vocabulary
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.loans import desk
from vaasa.somementor.loans import handling
from vaasa.somementor.notifications import times
from vaasa.somementor.zone import local
from zope.i18n import translate

import base64
import datetime
import json
import pytz


# The refusal travels back to the listing in a cookie the server sets, so a link
# from elsewhere cannot put words beside a row.
COOKIE = "somementor-refusal"
# Room for the typed values in a cookie; a longer outcome is not kept.
COOKIE_ROOM = 3000
# How the fields of a step are asked for.
KINDS = {
    "mentor": "select",
    "scheduled_start": "datetime",
    "scheduled_end": "datetime",
    "place": "text",
    "outcome": "textarea",
    "hours_spent": "number",
    "comment": "textarea",
}
# Fields a step cannot do without (the rules refuse them empty); the browser asks first.
REQUIRED = {
    "reject": ("comment",),
    "schedule": ("scheduled_start", "scheduled_end", "place"),
    "complete": ("outcome", "hours_spent"),
}
BUTTON_CLASSES = {
    "approve": "btn-primary",
    "schedule": "btn-primary",
    "complete": "btn-primary",
    "reject": "btn-outline-danger",
    "cancel": "btn-outline-secondary",
}


def _label(name, transition, request):
    if name == "comment":
        label = _("Reason") if transition == "reject" else _("Comment")
    elif name == "mentor":
        label = _("Mentor")
    else:
        label = ILoanRequest[name].title
    return translate(label, context=request)


def moment(value):
    """A catalog DateTime as an aware datetime.

    Not ``asdatetime()``: for a zone name such as Europe/Helsinki it attaches the
    pytz zone's first offset (local mean time, +1:40), and 10:00 reads as 10:20.
    """
    return pytz.utc.localize(value.toZone("UTC").asdatetime().replace(tzinfo=None))


def _input_time(value):
    """A catalog DateTime as <input type="datetime-local"> shows it, in Vaasa's time."""
    if value is None:
        return ""
    return local(moment(value)).strftime("%Y-%m-%dT%H:%M")


def read_refusal(request):
    """The refusal the last step left for this page, once; else None."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    request.response.expireCookie(COOKIE, path="/")
    try:
        refusal = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError):
        return None
    return refusal if isinstance(refusal, dict) else None


def _write_refusal(response, refusal):
    data = json.dumps(refusal)
    if len(data) > COOKIE_ROOM:
        refusal = {**refusal, "values": {}}
        data = json.dumps(refusal)
    value = base64.urlsafe_b64encode(data.encode("utf-8")).decode("ascii")
    response.setCookie(COOKIE, value, path="/", http_only=True, same_site="Lax")


class Rows:
    """Turns catalog brains into the rows a listing shows, with their steps.

    Built once per page: vocabularies and each month's bookings are read once
    and reused for all the rows of a page. Only the people the rows name are looked up,
    from catalog metadata, so a page costs the same whatever the number of mentors.
    """

    def __init__(self, context, request, came_from):
        self.context = context
        self.request = request
        self.came_from = came_from
        # The page's language, told to its templates (i18n:target): otherwise each of
        # a page's hundreds of translations asks the request for its language again.
        self.target_language = api.portal.get_current_language(context=context)
        self.language = self.target_language[:2]
        self.person_of = {}
        self.steps = handling.Steps(context)
        self.capacity = desk.Capacity()
        self.languages = title_map(vocabulary("vaasa.somementor.Languages", context), request)
        workflow = handling.loan_workflow()
        self.state_titles = {
            state.id: translate(state.title, domain="plone", context=request)
            for state in workflow.states.values()
        }
        self.step_titles = {}
        self.labels = {}
        self._refusal = None
        self.authenticator = context.restrictedTraverse("@@authenticator").token()

    @property
    def refusal(self):
        # Read on the first row only: a page that lists no steps leaves the message be.
        if self._refusal is None:
            self._refusal = read_refusal(self.request) or {}
        return self._refusal

    def state_title(self, state):
        return self.state_titles.get(state, state)

    def meet(self, uids):
        """Look up the persons of these mentor profiles at once, for the rows to come."""
        missing = {uid for uid in uids if uid and uid not in self.person_of}
        if not missing:
            return
        found = desk.by_profile(desk.named(missing, self.language))
        self.person_of.update(found)
        self.capacity.expect(uids=found.keys())
        # A profile since deleted stays unknown; not asked again.
        self.person_of.update({uid: None for uid in missing if uid not in self.person_of})

    def person(self, uid):
        self.meet([uid])
        return self.person_of.get(uid)

    def rows(self, brains, *extra_roles):
        """The rows of these brains, their mentors looked up together."""
        brains = list(brains)
        self.capacity.expect(months=(brain.loan_month for brain in brains))
        self.meet(brain.loan_mentor_uid for brain in brains)
        return [self.row(brain, *extra_roles) for brain in brains]

    def mentor(self, brain):
        person = self.person(brain.loan_mentor_uid)
        if person is None:
            return None
        month = brain.loan_month
        booked, maximum = self.capacity(person, month) if month else (None, None)
        url = person.brains[0].getURL()
        return {
            "title": person.title,
            "wished": brain.review_state == "submitted",
            "capacity_url": f"{url}/@@mentor-capacity?month={month}" if month else "",
            "booked": booked,
            "maximum": maximum,
        }

    def dates(self, brain):
        if brain.loan_start and brain.loan_end:
            start, end = moment(brain.loan_start), moment(brain.loan_end)
            return [times.span(start, end, self.language)]
        wished = []
        for start, end in brain.loan_wished or ():
            start, end = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
            wished.append(times.days(start, end, self.language))
        return wished

    def row(self, brain, *extra_roles):
        days, overdue = desk.waited_too_long(brain)
        uid = brain.UID
        refusal = self.refusal if self.refusal and self.refusal.get("uid") == uid else None
        return {
            "uid": uid,
            "anchor": f"loan-{uid}",
            "url": brain.getURL(),
            "title": brain.Title,
            "requester": brain.loan_requester or brain.Title,
            "organisation": brain.loan_organisation or "",
            "municipality": brain.loan_municipality or "",
            "state": brain.review_state,
            "state_title": self.state_title(brain.review_state),
            "mentor": self.mentor(brain),
            "dates": self.dates(brain),
            "scheduled": bool(brain.loan_start),
            "language": self.languages.get(brain.loan_language, brain.loan_language or ""),
            "age": days,
            "overdue": overdue,
            "refusal": refusal,
            "actions": [
                self._action(brain, transition, refusal)
                for transition in self.steps(brain.review_state, *extra_roles)
                if transition in handling.FIELDS
            ],
        }

    def _step_title(self, transition):
        if transition not in self.step_titles:
            self.step_titles[transition] = handling.title(transition)
        return self.step_titles[transition]

    def _action(self, brain, transition, refusal):
        again = refusal is not None and refusal.get("step") == transition
        typed = refusal.get("values", {}) if again else {}
        return {
            "id": transition,
            "title": self._step_title(transition),
            "button_class": BUTTON_CLASSES.get(transition, "btn-secondary"),
            "open": again,
            "action": f"{brain.getURL()}/@@loan-transition",
            "fields": [
                self._field(brain, transition, name, typed, refusal if again else None)
                for name in handling.FIELDS[transition]
            ],
        }

    def _field(self, brain, transition, name, typed, refusal):
        value = typed.get(name)
        if value is None:
            value = self._stored(brain, name)
        field = {
            "name": name,
            "id": f"{brain.UID}-{transition}-{name}",
            "label": self._label(name, transition),
            "kind": KINDS[name],
            "value": value or "",
            "required": name in REQUIRED.get(transition, ()),
            "error": refusal.get("message") if refusal and refusal.get("field") == name else "",
            "options": [],
            "choose_url": "",
        }
        if name == "mentor":
            field["options"] = self._mentor_options(brain, value)
            field["choose_url"] = self.choose_url(brain)
        return field

    def _label(self, name, transition):
        if (name, transition) not in self.labels:
            self.labels[name, transition] = _label(name, transition, self.request)
        return self.labels[name, transition]

    def _stored(self, brain, name):
        if name == "mentor":
            return brain.loan_mentor_uid or ""
        if name == "scheduled_start":
            return _input_time(brain.loan_start)
        if name == "scheduled_end":
            return _input_time(brain.loan_end)
        return ""

    def _mentor_options(self, brain, chosen):
        """The chosen mentor and the wished one, with the loans their month already holds.

        Never the whole list of people: that lives on the request's own page
        (``@@choose-mentor``), so a row stays the same size however many mentors lend.
        """
        month = brain.loan_month
        options = []
        seen = set()
        for uid in (chosen, brain.loan_mentor_uid):
            person = self.person(uid) if uid else None
            if person is None or person.key in seen:
                continue
            seen.add(person.key)
            if uid != chosen and not person.taking:
                continue
            options.append(self.option(person, uid, month, selected=uid == chosen))
        return options

    def option(self, person, uid, month, selected=False):
        """A person to choose, with the loans their month already holds."""
        label = person.title
        if month:
            booked, maximum = self.capacity(person, month)
            label = f"{person.title} ({booked}/{maximum})"
        return {"value": uid, "label": label, "selected": selected}

    def choose_url(self, brain):
        """The request's own page with every person to choose from, back to this row after."""
        query = urlencode({"came_from": self.came_from})
        return f"{brain.getURL()}/@@choose-mentor?{query}"


def same_site(url, request):
    portal_url = api.portal.get().absolute_url()
    return isinstance(url, str) and (url == portal_url or url.startswith(portal_url + "/"))


def _without_fragment(url):
    return urlsplit(url)._replace(fragment="").geturl()


class LoanTransition(BrowserView):
    """Takes one step on a request, with the fields its form sent, and goes back to the row."""

    def __call__(self):
        loan = self.context
        form = self.request.form
        came_from = form.get("came_from")
        back = _without_fragment(came_from) if same_site(came_from, self.request) else None
        back = back or loan.absolute_url()
        anchor = f"#loan-{loan.UID()}"
        if self.request.method != "POST":
            return self.request.response.redirect(back + anchor)
        check(self.request)
        transition = form.get("transition") if isinstance(form.get("transition"), str) else ""
        refusal = handling.take(loan, transition, form)
        if refusal is None:
            message = _(
                "${step}: ${title}.",
                mapping={"step": handling.title(transition), "title": loan.Title()},
            )
            IStatusMessage(self.request).add(message, type="info")
        else:
            typed = {
                name: form[name]
                for name in handling.FIELDS.get(transition, ())
                if isinstance(form.get(name), str)
            }
            _write_refusal(
                self.request.response,
                {
                    "uid": loan.UID(),
                    "step": transition,
                    "field": refusal.field,
                    "message": refusal.message,
                    "values": typed,
                },
            )
        return self.request.response.redirect(back + anchor)
