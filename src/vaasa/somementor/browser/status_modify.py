from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage


class RuleAwareStatusModify(ContentStatusModifyView):
    """The Classic UI state menu: a refused transition shows its reason, not an error page.

    The reason comes from the domain rules (loans.rules, trainings) and is already
    in the editor's language.
    """

    def __call__(self, workflow_action=None, *args, **kwargs):
        try:
            return super().__call__(workflow_action, *args, **kwargs)
        except WorkflowException as refusal:
            IStatusMessage(self.request).add(str(refusal), type="error")
            return self.request.response.redirect(self.context.absolute_url())
