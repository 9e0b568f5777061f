"""What every page's frame shows, kept per process: the site that answers a host, the main
menu, the footer menu and the contact details (issue 19).

Each value is stored with the page cache's versions of ``all`` and ``shared``
(pagecache.invalidation): publishing, unpublishing, moving or deleting any page raises one of
them, and so does saving a site, a setting or a view restriction. A process that sees another
version builds the value again, so a change made in one process reaches the others on their
next request. The versions are read once per request (one read from the shared cache).

Only plain values (strings, tuples) and objects that no request changes are kept: the menus as
``MenuItem`` tuples, a copy of the contact details, the site with its root page."""

from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from aanbod.models.queryset import restricted_paths as read_restricted_paths
from pagecache.invalidation import ALL, SHARED, versions

_store: dict = {}


def _current(request) -> tuple:
    """The versions this request sees, read once per request."""
    found = getattr(request, "_frame_versions", None) if request is not None else None
    if found is None:
        found = tuple(versions((ALL, SHARED)).values())
        if request is not None:
            request._frame_versions = found
    return found


def cached(request, key: tuple, build):
    """The value for ``key`` (with the language), built with ``build()`` when something
    changed since it was built in this process."""
    current = _current(request)
    full_key = (*key, translation.get_language())
    hit = _store.get(full_key)
    if hit is not None and hit[0] == current and None not in current:
        return hit[1]
    value = build()
    _store[full_key] = (current, value)
    return value


def forget() -> None:
    """Empties this process's store (tests: a rolled-back transaction raises no version)."""
    _store.clear()


def restricted_paths(request) -> tuple[str, ...]:
    """The tree paths of the pages with a view restriction (login, password or group).
    Saving or deleting a restriction raises ``all`` (pagecache.invalidation)."""

    return cached(request, ("restricted_paths",), read_restricted_paths)


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # The root page as its own type, so routing needs no query for it (Page.route_for_request
        # asks for ``site.root_page.localized.specific``).
        site.root_page = site.root_page.specific
    return site


def site_for(request):
    """``Site.find_for_request(request)`` from this process's store: the site is then set on
    the request, where Wagtail looks first."""
    if request is not None and not hasattr(request, "_wagtail_site"):
        host = split_domain_port(request._get_raw_host())[0]
        key = ("site", host, request.get_port())
        request._wagtail_site = cached(request, key, lambda: _find_site(request))
    return Site.find_for_request(request)


class SiteMiddleware:
    """Gives a request that Wagtail serves its site (see ``site_for``) and the restricted
    sections (``restricted_paths``) instead of a query per request for each. Other views
    (the health check, the API) do not touch the database for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            site_for(request)
            # for aanbod.models.queryset.public: lists of pages without a query for these
            request.restricted_paths = restricted_paths(request)
