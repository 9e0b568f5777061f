from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KaartConfig(AppConfig):
    name = "kaart"
    verbose_name = _("Kaart")
