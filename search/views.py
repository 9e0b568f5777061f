"""/zoeken/: the search page. A GET form; works without JavaScript."""

from django import forms
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from overzicht import demand
from pagecache.effects import run_every_time
from vertalingen.i18n import current_language

from . import service
from .forms import SearchForm


def _url(params: QueryDict, **changes) -> str:
    """This search's address with some parameters changed (None removes one)."""
    query = params.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        elif isinstance(value, list):
            query.setlist(name, value)
        else:
            query[name] = value
    return "?" + query.urlencode()


def _pages(outcome, params):
    """Links to the previous, nearby and next pages."""
    if outcome.pages <= 1:
        return None
    current = outcome.page
    numbers = sorted(
        {1, outcome.pages, *range(max(1, current - 2), min(outcome.pages, current + 2) + 1)}
    )
    return {
        "previous": _url(params, pagina=str(current - 1)) if current > 1 else None,
        "next": _url(params, pagina=str(current + 1)) if current < outcome.pages else None,
        "numbers": [(n, _url(params, pagina=str(n)), n == current) for n in numbers],
    }


def _chips(outcome, params):
    """Each need and target group we read in the query, with a link that searches again
    without it."""
    without = params.getlist("zonder")
    interpretation = outcome.interpretation
    return [
        (text, _url(params, zonder=[*without, code], pagina=None))
        for code, text in [
            *((n.code, n.phrasing) for n in interpretation.needs),
            *((g.code, _("Voor: %(group)s") % {"group": g.label}) for g in interpretation.groups),
        ]
    ]


def _active_filters(form, params):
    """Each filter the resident chose, as "label: value" with a link that searches again
    without it (one link per chosen need or group)."""
    active = []
    for name in SearchForm.FILTERS:
        field = form.fields[name]
        value = form.cleaned_data.get(name)
        if not value:
            continue
        if isinstance(field, forms.ChoiceField):
            labels = dict(field.choices)
            values = value if isinstance(value, list) else [value]
            for code in values:
                rest = [v for v in values if v != code] if isinstance(value, list) else None
                active.append(
                    (
                        f"{str(field.label).rstrip('?؟')}: {labels.get(code, code)}",
                        _url(params, **{name: rest, "pagina": None}),
                    )
                )
        else:
            active.append((str(field.label), _url(params, **{name: None, "pagina": None})))
    return active


def _count_demand(request, outcome):
    """Anonymous search demand for the overview: need(s), wijk, whether anything was found.
    Only a search's first page counts (paging on is the same search)."""
    if outcome.page != 1:
        return
    criteria = outcome.criteria
    location = criteria.location
    needs = [n.code for n in criteria.needs if not n.related] + list(criteria.filters.needs)
    wijk = location.wijk.code if location and location.wijk else criteria.filters.wijk
    # Also when the page comes from the page cache: the cache repeats the call on a hit.
    run_every_time(request, demand.record, needs, wijk, found_nothing=outcome.total == 0)


@require_GET
def search(request):
    params = request.GET
    # The page's language (its URL prefix) is the language of the words and of the labels.
    form = SearchForm(params if params else None, language=current_language())
    form.shorten_lists_for_the_page()
    context = {
        "form": form,
        "searched": bool(params),
        # Open only while there are no results to show: after "Toon wat past" the results
        # come first (on a phone the panel is long), with the chosen filters above them.
        "filters_open": False,
    }
    if not params:
        return TemplateResponse(request, "search/search_page.html", context)
    if not form.is_valid():
        context["filters_open"] = any(form.errors.get(name) for name in SearchForm.FILTERS)
        return TemplateResponse(request, "search/search_page.html", context, status=400)
    outcome = service.search_for(form, pairs=True)
    if outcome.results:  # the facets list the needs: no suggestions list (search_page.html)
        form.fields["q"].widget.attrs.pop("list", None)
    _count_demand(request, outcome)
    context.update(
        outcome=outcome,
        chips=_chips(outcome, params),
        active_filters=_active_filters(form, params),
        pagination=_pages(outcome, params),
        offset=outcome.criteria.offset,
        need_links=[
            (code, phrasing, _url(params, q=None, zonder=None, pagina=None, hulpvraag=code))
            for code, phrasing in outcome.suggested_needs
        ],
        filter_links={
            name: [(value, _url(params, **{name: value.code, "pagina": None})) for value in values]
            for name, values in outcome.facets.items()
        },
    )
    return TemplateResponse(request, "search/search_page.html", context)
