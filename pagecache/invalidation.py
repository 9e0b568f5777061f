"""Emptying the page cache when what residents see changes.

One version number for the whole page cache: every key contains it, so raising it empties
every cached page at once (old entries simply expire). A published, unpublished, moved or
deleted page changes the page itself, its buurt, wijk, theme and home listings and the search
results, so this is both simple and right; editors publish a few times a day, so the cost is a
few uncached page views after each change. Snippets and settings shown on pages (organisations,
needs, contact details in the footer) raise it too."""

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .settings import cache_alias

VERSION_KEY = "pagecache:version"
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


def current_version() -> int:
    cache = caches[cache_alias()]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def empty_page_cache(**_kwargs) -> None:
    cache = caches[cache_alias()]
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _model_changed(sender, **kwargs):
    label = sender._meta.label_lower
    if sender._meta.app_label not in APPS or label in IGNORED:
        return
    instance = kwargs.get("instance")
    if issubclass(sender, Page) and kwargs.get("signal") is post_save and not instance.live:
        return  # a page that is not online: nothing public changed
    empty_page_cache()


def connect() -> None:
    page_published.connect(empty_page_cache, dispatch_uid="pagecache.published")
    page_unpublished.connect(empty_page_cache, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(empty_page_cache, dispatch_uid="pagecache.moved")
    post_save.connect(_model_changed, dispatch_uid="pagecache.saved")
    post_delete.connect(_model_changed, dispatch_uid="pagecache.deleted")
