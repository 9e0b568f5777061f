"""Finding the page for an address in one query instead of two per part of the address.

Wagtail's own ``Page.route`` looks up each part of the path as a child of the page before it
and then loads that child's specific page: for ``/west/oog-in-al/<offer>/`` that is six
queries, each selecting every translated column. Here the root page looks up every page on
the way in one query (by ``url_path``), loads only the last one as its specific page and
lets that page's own ``route`` answer (so a page that routes further still can). No page in
this project routes its children differently, so the answer is the same as Wagtail's."""

from django.db.models import QuerySet
from wagtail.models import Page

from vertalingen.columns import in_visitors_language, unread_columns


def specific_from(page: Page) -> Page:
    """``page.specific``, reading only the specific model's own table, in the visitor's language
    and Dutch: the Page columns are already loaded in ``page``. Wagtail's own ``specific``
    selects them all again, joined. A model with more than one table below Page: Wagtail's."""
    model = page.specific_class
    if model is None or isinstance(page, model) or model._meta.get_parent_list() != [Page]:
        return page.specific
    unread = set(unread_columns(model))  # left deferred: vertalingen.columns
    fields = [f.attname for f in model._meta.local_concrete_fields if f.attname not in unread]
    # A plain QuerySet: django-modeltranslation's would read "summary" as today's language.
    row = QuerySet(model).filter(pk=page.pk).values_list(*fields).first()
    if row is None:  # gone since the page was read: as Wagtail would
        raise model.DoesNotExist
    # As Wagtail's get_specific(deferred=True), but without asking for the Page columns the
    # routing query left deferred (each would be one more query).
    known = {**page.__dict__, **dict(zip(fields, row, strict=True))}
    names = [f.attname for f in model._meta.concrete_fields if f.attname in known]
    specific = model.from_db(page._state.db, names, [known[name] for name in names])
    for attr, value in page.__dict__.items():
        specific.__dict__.setdefault(attr, value)
    return specific


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
            in_visitors_language(
                Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            ).order_by("depth")
        )
        if not chain:
            return super().route(request, path_components)  # Wagtail's 404
        parent = self
        for page in chain:
            page._cached_parent_obj = parent
            parent = page
        deepest = specific_from(chain[-1])
        deepest._cached_parent_obj = chain[-1]._cached_parent_obj
        return deepest.route(request, path_components[len(chain) :])
