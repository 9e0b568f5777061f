"""Keep the stored check results current when a page is published from anywhere (the editor,
an import, a scheduled publish)."""

import logging

from django.dispatch import receiver
from wagtail.signals import page_published

from checks.models.results import save_result

logger = logging.getLogger(__name__)


@receiver(page_published)
def check_published_page(sender, instance, revision=None, **kwargs):
    try:
        save_result(instance)
    except Exception:  # the stored result is a convenience; publishing must never fail on it
        logger.exception("Could not check page %s after publishing", instance.pk)
