from wagtail import hooks

from . import invalidation


@hooks.register("before_serve_page")
def remember_what_the_page_shows(page, request, serve_args, serve_kwargs):
    """An offer, buurt or wijk page depends only on itself (and an offer on its partner), so
    publishing another offer leaves it in the page cache (invalidation.py)."""
    if hasattr(request, "pagecache_versions"):  # the page cache applies to this request
        request.pagecache_versions = invalidation.versions(invalidation.scopes_for(page))
