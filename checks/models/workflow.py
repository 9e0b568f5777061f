from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .results import findings_text, save_result


class ReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Waarom mag de pagina toch online?"),
        help_text=_("Bijvoorbeeld: 'dagbesteding' is hier het juiste woord, lezers kennen het."),
        widget=forms.Textarea({"rows": 3}),
    )


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("Wat wilt u nog zeggen?"),
        help_text=_("Niet nodig: de bevindingen van de controle gaan automatisch mee."),
        required=False,
        widget=forms.Textarea({"rows": 3}),
    )


class TaalToegankelijkheidTask(AbstractGroupApprovalTask):
    """Checks the page's Dutch text and accessibility before it goes live. A page that is B1
    and has no accessibility errors passes at once. Otherwise a reviewer from the chosen
    groups decides: approve with a reason, or send it back with the findings."""

    class Meta:
        verbose_name = _("Taal en toegankelijkheid")
        verbose_name_plural = _("Taal en toegankelijkheid")

    @classmethod
    def get_description(cls):
        return _(
            "Laat een pagina door als de tekst B1 is en er geen toegankelijkheidsfouten zijn. "
            "Anders beslist iemand uit de gekozen groepen."
        )

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        controle = save_result(workflow_state.content_object)
        if controle.is_ok:
            task_state.approve(
                user=None,
                update=False,
                comment=gettext(
                    "Automatisch goedgekeurd: de tekst is B1 en er zijn geen toegankelijkheidsfouten."
                ),
            )
        return task_state

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Terugsturen met de bevindingen"), True),
                ("approve", _("Toch goedkeuren, met een reden"), True),
            ]
        return []

    def get_form_for_action(self, action):
        return ReasonForm if action == "approve" else RejectForm

    def get_template_for_action(self, action):
        return "checks/workflow_action.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "reject":
            controle = save_result(task_state.workflow_state.content_object)
            reviewer = kwargs.get("comment", "").strip()
            kwargs["comment"] = "\n\n".join(filter(None, [reviewer, findings_text(controle)]))
        return super().on_action(task_state, user, action_name, **kwargs)
