from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VertalingenConfig(AppConfig):
    """The translation machinery: the visitor's language, per-page translation status, the
    editor's panel and the report of outdated translations."""

    name = "vertalingen"
    verbose_name = _("Vertalingen")

    def ready(self):
        from wagtail.signals import page_published

        from .status import page_published_handler

        page_published.connect(page_published_handler, dispatch_uid="vertalingen-status")
