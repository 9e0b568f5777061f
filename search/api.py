"""GET /api/v1/zoeken: search by need as JSON. Mounted in ``config/api.py``.

Every parameter is checked by ``search.forms.SearchForm``, the same form as the page, so the
page and the API accept and refuse the same things. A refusal is 400 ``{"error": "..."}``.
"""

from django import forms
from django.http import JsonResponse
from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field, create_model

from vertalingen.i18n import language_codes, translated

from . import service, vocabulary
from .forms import SearchForm

router = Router(tags=["Zoeken"])


class NeedOut(Schema):
    code: str
    label: str


class AreaOut(Schema):
    code: str
    name: str


class LocationOut(Schema):
    postcode: str | None
    buurt: AreaOut | None
    wijk: AreaOut | None


class ResultOut(Schema):
    id: int
    hsds_id: str | None
    title: str
    url: str
    summary: str
    title_lang: str
    summary_lang: str
    needs: list[NeedOut]
    target_groups: list[NeedOut]
    buurt: AreaOut | None
    wijk: AreaOut | None
    distance_m: int | None
    open_today: bool


class FacetOut(Schema):
    code: str
    label: str
    count: int


class FacetsOut(Schema):
    hulpvraag: list[FacetOut]
    wijk: list[FacetOut]
    doelgroep: list[FacetOut]


class SearchOut(Schema):
    query: str
    interpreted_needs: list[NeedOut]
    interpreted_target_groups: list[NeedOut]
    location: LocationOut | None
    total: int
    page: int
    results: list[ResultOut]
    # Nothing fits the words (or they are about something the site does not list): then
    # ``fallbacks`` are where to ask (14 030, the buurtteam), not answers to the question.
    fallback: bool
    fallbacks: list[ResultOut]
    facets: FacetsOut


class ErrorOut(Schema):
    error: str


def _area(area) -> dict | None:
    return {"code": area.code, "name": area.name} if area else None


def _result(result: service.Result, request, vocab_label) -> dict:
    offer = result.offer
    title, summary = translated(offer, "title"), translated(offer, "summary")
    return {
        "id": offer.pk,
        "hsds_id": offer.source_id,
        "title": str(title),
        "url": offer.get_full_url(request),
        "summary": str(summary),
        # The language each text is in: the visitor's, or Dutch where it is not translated.
        "title_lang": title.language,
        "summary_lang": summary.language,
        "needs": [{"code": n.code, "label": vocab_label(n.code)} for n in offer.needs.all()],
        "target_groups": [{"code": g.code, "label": g.label} for g in offer.target_groups.all()],
        "buurt": _area(result.buurt),
        "wijk": _area(result.wijk),
        "distance_m": result.distance_m,
        "open_today": offer.today.has_activity,
    }


def error_message(form: SearchForm) -> str:
    parts = []
    for name, errors in form.errors.items():
        for error in errors:
            parts.append(f"{name}: {error}" if name != "__all__" else str(error))
    return " ".join(parts)


def outcome_json(outcome: service.Outcome, request, language: str) -> dict:
    vocab = vocabulary.current()

    def label(code):
        return vocab.label(code, language)[1]

    location = outcome.location
    return {
        "query": outcome.interpretation.query,
        "interpreted_needs": [
            {"code": n.code, "label": n.phrasing} for n in outcome.interpretation.needs
        ],
        "interpreted_target_groups": [
            {"code": g.code, "label": g.label} for g in outcome.interpretation.groups
        ],
        "location": {
            "postcode": location.postcode or None,
            "buurt": _area(location.buurt),
            "wijk": _area(location.wijk),
        }
        if location
        else None,
        "total": outcome.total,
        "page": outcome.page,
        "results": [_result(r, request, label) for r in outcome.results],
        "fallback": outcome.fallback,
        "fallbacks": [_result(r, request, label) for r in outcome.fallbacks],
        "facets": {
            name: [{"code": v.code, "label": v.label, "count": v.count} for v in values]
            for name, values in outcome.facets.items()
        },
    }


# The API's documentation of each parameter; the parameters themselves are SearchForm's fields.
DESCRIPTIONS = {
    "q": "Wat zoekt u? In eigen woorden, hoogstens 200 tekens.",
    "postcode": "Postcode in Utrecht: wat dichtbij is komt eerst.",
    "buurt": "CBS-code van een buurt, bijvoorbeeld BU03440112.",
    "wijk": "CBS-code van een wijk, bijvoorbeeld WK034401.",
    "hulpvraag": "Code van een hulpvraag; mag vaker, of met komma's.",
    "doelgroep": "Code van een doelgroep; mag vaker, of met komma's.",
    "gratis": "true: alleen gratis aanbod.",
    "inloop": "true: alleen zonder aanmelden.",
    "rolstoel": "true: alleen toegankelijk met een rolstoel.",
    "dag": "Dag van de week: ma, di, wo, do, vr, za of zo.",
    "spreekt": "Taal die ze spreken, bijvoorbeeld ar.",
    "taal": "Taal van de vraag en van de teksten in het antwoord: nl, en, ar, tr, pl of uk. "
    "Wat niet vertaald is staat in het Nederlands (title_lang, summary_lang).",
    "zonder": "Hulpvraag of doelgroep die niet bedoeld is (uit de uitleg).",
    "pagina": "Bladzijde, vanaf 1; 20 per bladzijde.",
}
DEFAULTS = {"taal": "nl", "pagina": "1"}


def _parameter(name: str, field) -> tuple:
    description = DESCRIPTIONS.get(name, "")
    if isinstance(field, forms.MultipleChoiceField):
        return (list[str] | None, Field(None, description=description))
    return (str, Field(DEFAULTS.get(name, ""), description=description))


SearchParameters = create_model(
    "SearchParameters",
    __base__=Schema,
    **{name: _parameter(name, field) for name, field in SearchForm.base_fields.items()},
)


@router.get(
    "/zoeken",
    response={200: SearchOut, 400: ErrorOut},
    summary="Zoeken naar aanbod, in eigen woorden",
)
def zoeken(request, parameters: Query[SearchParameters]):
    """Zoekt in eigen woorden. `interpreted_needs` zegt hoe de vraag is begrepen; de
    resultaten staan in volgorde: wat het best past en het dichtst bij is eerst."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": error_message(form)}, status=400)
    language = form.cleaned_data["taal"]
    # Titles, summaries and links in that language (Dutch for a language the site is not in),
    # whatever the browser's Accept-Language says; the offers are read in it too
    # (vertalingen.columns: only that language's columns and Dutch).
    with translation.override(language if language in language_codes() else "nl"):
        return outcome_json(service.search_for(form), request, language)
