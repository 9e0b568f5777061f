from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverzichtConfig(AppConfig):
    name = "overzicht"
    verbose_name = _("Overzicht")
