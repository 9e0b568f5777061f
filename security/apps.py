from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Beveiliging")

    def ready(self):
        from security import deploy_checks

        deploy_checks.register()
