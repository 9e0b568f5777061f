from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InrichtingConfig(AppConfig):
    """Setting up the site: wijken and buurten, needs and theme pages, the standard pages,
    roles and the review workflow, the shipped translations, the demo content and the first
    administrator. Every other app stays free of set-up code."""

    name = "inrichting"
    verbose_name = _("Inrichting")
