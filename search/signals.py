"""Keeps search up to date: publishing, unpublishing, moving, deleting and editing an offer,
and editing a need (in any language) or an organisation. Connected in ``search.apps``.

The work runs after the database transaction commits, so the index never shows what was
rolled back, and a search backend that is down never stops an editor from saving.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from aanbod.models import AanbodPage, Hulpvraag, Organisatie

from . import catalogue, related, vocabulary
from .backends import get_backend

logger = logging.getLogger(__name__)


def forget_everything() -> None:
    """What search keeps in memory is built anew: now (this process) and after the commit
    (every process, and none of them reads the data from before the commit)."""
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()
        transaction.on_commit(forget)


def reindex(pks) -> None:
    pks = sorted(set(pks))
    catalogue.forget()
    transaction.on_commit(catalogue.forget)
    if not pks:
        return

    def run():
        try:
            get_backend().index_offers(pks)
        except Exception:  # the index is repaired by `manage.py search_index`; saving goes on
            logger.exception("Zoekindex bijwerken mislukt voor aanbod %s", pks[:20])

    transaction.on_commit(run)


def offer_changed(sender, instance, **kwargs):
    reindex([instance.pk])


def page_moved(sender, instance, **kwargs):
    # A moved buurt or wijk takes its offers along: their buurt and wijk change.
    moved = AanbodPage.objects.filter(path__startswith=instance.path)
    reindex(moved.values_list("pk", flat=True))


def need_changed(sender, instance, **kwargs):
    forget_everything()
    if isinstance(instance, Hulpvraag):
        reindex(AanbodPage.objects.filter(needs=instance).values_list("pk", flat=True))
    transaction.on_commit(lambda: get_backend().needs_changed())


def organisatie_changed(sender, instance, **kwargs):
    reindex(AanbodPage.objects.filter(organisatie=instance).values_list("pk", flat=True))


def connect() -> None:
    page_published.connect(offer_changed, sender=AanbodPage, dispatch_uid="search-published")
    page_unpublished.connect(offer_changed, sender=AanbodPage, dispatch_uid="search-unpublished")
    post_delete.connect(offer_changed, sender=AanbodPage, dispatch_uid="search-deleted")
    post_page_move.connect(page_moved, dispatch_uid="search-moved")
    post_save.connect(need_changed, sender=Hulpvraag, dispatch_uid="search-Hulpvraag-saved")
    post_delete.connect(need_changed, sender=Hulpvraag, dispatch_uid="search-Hulpvraag-deleted")
    post_save.connect(organisatie_changed, sender=Organisatie, dispatch_uid="search-organisatie")
