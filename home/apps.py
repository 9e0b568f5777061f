from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Algemeen")

    def ready(self):
        from wagtail.signals import page_published

        from .translation_status import record

        def translation_saved(sender, instance, **kwargs):
            record(instance)

        page_published.connect(translation_saved, dispatch_uid="home-translation-status")
