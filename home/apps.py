from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Algemeen")

    def ready(self):
        from wagtail.signals import page_published

        from .translation_status import page_published_handler

        page_published.connect(page_published_handler, dispatch_uid="home-translation-status")
