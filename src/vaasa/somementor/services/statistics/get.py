from plone.restapi.services import Service
from vaasa.somementor import statistics
from zope.i18n import translate


class StatisticsGet(Service):
    """GET @somementor-statistics?start=YYYY-MM-DD&end=YYYY-MM-DD: the figures of a period."""

    def reply(self):
        try:
            first, last = statistics.period(
                self.request.form.get("start"), self.request.form.get("end")
            )
        except statistics.BadPeriod as bad:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadPeriod",
                    "message": translate(bad.message, context=self.request),
                }
            }
        language = self.context.Language() or None
        return {
            "@id": f"{self.context.absolute_url()}/@somementor-statistics"
            f"?start={first.isoformat()}&end={last.isoformat()}",
            **statistics.figures(first, last, language),
        }
