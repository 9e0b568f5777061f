from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from aanbod.public import check_public_url


class AanbodConfig(AppConfig):
    name = "aanbod"
    verbose_name = _("Aanbod")

    def ready(self):
        checks.register(check_public_url)
