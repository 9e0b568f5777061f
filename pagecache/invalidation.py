"""Emptying the page cache when what residents see changes: only the pages a change touches.

Each stored page holds the versions of what it shows (its *scopes*), read before it was
rendered; it is served only while those versions are unchanged. Scopes:

- ``page:<id>``: an offer page (with its partner offer, which it shows), a buurt, a wijk and
  Heel Utrecht depend on their own page;
- ``shared``: every other page (home, themes, search, lists, map, overview) shows offers from
  anywhere, so it depends on this one;
- ``all``: every page depends on it (the footer, organisations, needs, images).

Publishing, unpublishing, moving or deleting an offer raises the versions of that offer, the
pages above it (buurt, wijk), the buurten it also serves (and those it no longer serves, via
``m2m_changed``), its partner offers and ``shared``. So after a publish the other offer pages
and the other buurten stay cached. Any other page, and the snippets and settings shown on
pages, raise ``all``.

A version is a random value, not a counter: a version that the cache evicted comes back as a
new value, so no stored page can look current by mistake."""

import secrets

from django.core.cache import caches
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from aanbod.models import AanbodPage
from buurten.models import AreaPage, StedelijkPage

from .settings import cache_alias

ALL = "all"
SHARED = "shared"
DEFAULT_SCOPES = (ALL, SHARED)
# Pages that show (nearly) only themselves: an offer, a buurt, a wijk, Heel Utrecht.
OWN_SCOPE = (AanbodPage, AreaPage, StedelijkPage)
# Apps whose models are shown on public pages; models listed here are not (reports from
# residents, check results for editors).
APPS = {"home", "aanbod", "buurten", "wagtailcore", "wagtailimages", "wagtaildocs"}
IGNORED = {
    "aanbod.melding",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
}


def page_scope(page_id: int) -> str:
    return f"page:{page_id}"


def _key(scope: str) -> str:
    return f"pagecache:version:{scope}"


def versions(scopes) -> dict[str, str | None]:
    """The current version of each scope (a missing one gets a new value)."""
    cache = caches[cache_alias()]
    keys = {scope: _key(scope) for scope in scopes}
    found = cache.get_many(list(keys.values()))
    for key in keys.values():
        if key not in found:
            cache.add(key, secrets.token_hex(8), timeout=None)
            found[key] = cache.get(key)
    return {scope: found[key] for scope, key in keys.items()}


def still_current(stored: dict) -> bool:
    return None not in stored.values() and versions(stored) == stored


def raise_versions(*scopes: str) -> None:
    caches[cache_alias()].set_many({_key(s): secrets.token_hex(8) for s in scopes}, timeout=None)


def scopes_for(page: Page) -> list[str]:
    """What a page served by Wagtail depends on (called before it is rendered)."""
    if not issubclass(page.specific_class or Page, OWN_SCOPE):
        return list(DEFAULT_SCOPES)
    scopes = [ALL, page_scope(page.pk)]
    if issubclass(page.specific_class, AanbodPage):  # its page shows its partner offer
        scopes += [page_scope(pk) for pk in _partner_ids(page.specific)]
    return scopes


def _partner_ids(offer: AanbodPage) -> list[int]:
    """The offers paired with this one, either way (see aanbod.pairs)."""
    partners = AanbodPage.objects.filter(Q(paired_offer_id=offer.pk) | Q(pk=offer.paired_offer_id))
    return [pk for pk in partners.values_list("pk", flat=True) if pk != offer.pk]


def page_changed(page: Page, *, was_under: Page | None = None) -> None:
    """A page went online, changed, went offline, moved (from under ``was_under``) or was
    deleted."""
    if not issubclass(page.specific_class or Page, OWN_SCOPE):
        raise_versions(ALL)
        return
    pages = [page, *Page.objects.ancestor_of(page)]
    if was_under is not None:
        pages += [was_under, *Page.objects.ancestor_of(was_under)]
    scopes = {SHARED, *(page_scope(p.pk) for p in pages)}
    if isinstance(page.specific, AanbodPage):
        offer = page.specific
        scopes.update(page_scope(pk) for pk in offer.also_serves.values_list("pk", flat=True))
        scopes.update(page_scope(pk) for pk in _partner_ids(offer))
    raise_versions(*scopes)


def _published(sender, instance, **_kwargs):
    page_changed(instance)


def _moved(sender, instance, parent_page_before=None, **_kwargs):
    page_changed(instance, was_under=parent_page_before)


def _page_deleted(sender, instance, **_kwargs):
    """Before it goes, while the buurten it also serves are still known."""
    if isinstance(instance, Page) and instance.live:
        page_changed(instance)


def _deleted_or_saved(sender, instance, **kwargs):
    label = sender._meta.label_lower
    if sender._meta.app_label not in APPS or label in IGNORED:
        return
    if isinstance(instance, Page):
        return  # publishing, unpublishing, moving and deleting say what changed
    if any(isinstance(field, ParentalKey) for field in sender._meta.fields):
        return  # part of a page (its times and places): saved when the page is published
    raise_versions(ALL)


def _served_buurten_changed(sender, instance, action, pk_set, **_kwargs):
    """The buurten an offer also serves: those it no longer serves change too."""
    if action in ("post_add", "post_remove") and pk_set and getattr(instance, "live", False):
        raise_versions(*(page_scope(pk) for pk in pk_set))
    elif action == "pre_clear" and getattr(instance, "live", False):
        raise_versions(
            *(page_scope(pk) for pk in instance.also_serves.values_list("pk", flat=True))
        )


def connect() -> None:
    page_published.connect(_published, dispatch_uid="pagecache.published")
    page_unpublished.connect(_published, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(_moved, dispatch_uid="pagecache.moved")
    post_save.connect(_deleted_or_saved, dispatch_uid="pagecache.saved")
    post_delete.connect(_deleted_or_saved, dispatch_uid="pagecache.deleted")
    pre_delete.connect(_page_deleted, dispatch_uid="pagecache.page_deleted")
    m2m_changed.connect(
        _served_buurten_changed,
        sender=AanbodPage.also_serves.through,
        dispatch_uid="pagecache.also_serves",
    )
