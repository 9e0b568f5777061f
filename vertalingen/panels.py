"""The editor's panel that says, per language, whether the page's translation is done."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .status import statuses

HEADING = _("Vertalingen")


class TranslationStatusPanel(Panel):
    """Per language: complete, incomplete, missing, or outdated (the Dutch changed after the
    translation was saved). The translations themselves are edited in the fields below, per
    language (wagtail-modeltranslation's language tabs)."""

    def __init__(self, heading=HEADING, **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "vertalingen/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["languages"] = statuses(self.instance)
            context["report_url"] = reverse("vertalingen:report")
            return context
