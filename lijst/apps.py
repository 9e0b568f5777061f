from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LijstConfig(AppConfig):
    name = "lijst"
    verbose_name = _("Mijn lijst")
