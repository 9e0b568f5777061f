"""Panels of the offer form that Wagtail does not have in the editors' words."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ReadOnlyPanel(FieldPanel):
    """A field the editor reads but does not change, in words: "Ja", "Nee", "(leeg)"
    instead of Python's True, False and None."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value is True:
            return _("Ja")
        if value is False:
            return _("Nee")
        if value in (None, ""):
            return _("(leeg)")
        return super().format_value_for_display(value)
