"""Finding the page for an address in one query instead of two per part of the address.

Wagtail's own ``Page.route`` looks up each part of the path as a child of the page before it
and then loads that child's specific page: for ``/west/oog-in-al/<offer>/`` that is six
queries, each selecting every translated column. Here the root page looks up every page on
the way in one query (by ``url_path``), loads only the last one as its specific page and
lets that page's own ``route`` answer (so a page that routes further still can). No page in
this project routes its children differently, so the answer is the same as Wagtail's."""

from wagtail.models import Page


class PathRoutingMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{part}/" for part in path_components[:end])
            for end in range(1, len(path_components) + 1)
        ]
        # A page's url_path is made from its ancestors' slugs, so what is found is a run of
        # pages from the first part of the address down, each the child of the one before.
        chain = list(
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).order_by("depth")
        )
        if not chain:
            return super().route(request, path_components)  # Wagtail's 404
        parent = self
        for page in chain:
            page._cached_parent_obj = parent
            parent = page
        deepest = chain[-1].specific
        deepest._cached_parent_obj = chain[-1]._cached_parent_obj
        return deepest.route(request, path_components[len(chain) :])
