from django.forms import Media
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from checks.models.words import current_word_list
from checks.page_checks import check_page
from checks.presenters import panel_context

HEADING = _("Taal en toegankelijkheid")


class ChecksPanel(Panel):
    """Shows the editor, for the draft in the form, whether the text is B1 and what to improve,
    field by field, plus the accessibility findings. Updates while the editor types."""

    def __init__(self, heading=HEADING, **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "checks/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(panel_context(check_page(self.instance, current_word_list())))
            context["live_url"] = self.live_url()
            return context

        def live_url(self) -> str:
            page = self.instance
            if page.pk:
                return reverse("checks:live_edit", args=[page.pk])
            parent = getattr(self.form, "parent_page", None)
            if parent is None:
                return ""
            meta = type(page)._meta
            return reverse("checks:live_create", args=[meta.app_label, meta.model_name, parent.pk])

        @property
        def media(self):
            return Media(js=["checks/paneel.js"], css={"all": ["checks/paneel.css"]})
