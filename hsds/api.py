"""Read-only Open Referral HSDS API 3.0 over the offers residents see (``shared_offers``).

Mounted in ``config/api.py`` at ``/api/v1/hsds/``. Lists are an HSDS "Page"; ``size`` is the
number of items on this page. Errors are ``{"error": "..."}`` with a 4xx status; a query
parameter the endpoint does not know is a 400 too, so a partner never believes it filtered
when it did not. Every answer may be read from any web site (CORS for GET).
"""

import datetime
from functools import wraps

from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from aanbod.models import Organisatie
from aanbod.public import public_url

from . import ids
from .dump import (
    dump_service,
    dump_services,
    organisation_object,
    place_id,
    service_at_location,
    service_id,
    shared_offers,
    with_related,
)
from .taxonomies import all_taxonomies, all_terms, offers_in_taxonomy, offers_with_term

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/specification/tree/3.0"  # no profile of our own
PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 200
PAGING = {"page", "per_page", "format"}


def allow_cors(view):
    """Any site may read the answers (also the errors) of this read-only API."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


router = Router(tags=["Open Referral (HSDS 3.0)"])
router.add_decorator(allow_cors, mode="view")


class BadRequest(Exception):
    """A query parameter that is unknown or wrong; becomes a 400 with a Dutch message."""


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def answer(request, allowed: set[str], build):
    """Check the parameters, then build the answer; a ``BadRequest`` becomes a 400."""
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        return error(
            400,
            _("Deze parameter kennen we niet: %(names)s. U kunt gebruiken: %(allowed)s.")
            % {"names": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))},
        )
    if request.GET.get("format", "json") != "json":
        return error(400, _("Alleen format=json kan. Laat format weg of schrijf format=json."))
    try:
        return build()
    except BadRequest as problem:
        return error(400, str(problem))


def paginate(items, page: int, per_page: int, dump) -> dict:
    """An HSDS "Page" of ``items`` (a queryset or a list), each turned into JSON by ``dump``."""
    if page < 1:
        raise BadRequest(_("Het paginanummer (page) moet 1 of hoger zijn."))
    if not 1 <= per_page <= PER_PAGE_MAX:
        raise BadRequest(
            _("Het aantal per pagina (per_page) moet tussen 1 en %(max)d liggen.")
            % {"max": PER_PAGE_MAX}
        )
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = -(-total // per_page)
    start = (page - 1) * per_page
    contents = dump(items[start : start + per_page]) if start < total else []
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def uuid_param(value: str, name: str):
    uuid = ids.parse_uuid(value)
    if uuid is None:
        raise BadRequest(
            _("'%(name)s' moet een id zijn zoals 3f2b8c1e-0000-4000-8000-000000000000.")
            % {"name": name}
        )
    return uuid


def not_found(message: str, value: str) -> JsonResponse:
    return error(404, message % {"id": value})


def filter_offers(
    search: str = "",
    taxonomy_term_id: str = "",
    taxonomy_id: str = "",
    organization_id: str = "",
    modified_after: datetime.datetime | None = None,
):
    """``shared_offers`` narrowed by the HSDS query parameters, ordered by name."""
    offers = shared_offers()
    if search.strip():
        words = search.strip()
        offers = offers.filter(Q(title__icontains=words) | Q(summary__icontains=words))
    if taxonomy_term_id:
        wanted = str(uuid_param(taxonomy_term_id, "taxonomy_term_id"))
        term = next((term for term in all_terms() if term["id"] == wanted), None)
        offers = offers_with_term(offers, term) if term else offers.none()
    if taxonomy_id:
        wanted = str(uuid_param(taxonomy_id, "taxonomy_id"))
        found = next((t for t in all_taxonomies() if t["id"] == wanted), None)
        offers = offers_in_taxonomy(offers, found["name"]) if found else offers.none()
    if organization_id:
        offers = offers.filter(organisatie__hsds_id=uuid_param(organization_id, "organization_id"))
    if modified_after is not None:
        if timezone.is_naive(modified_after):
            modified_after = timezone.make_aware(modified_after)
        offers = offers.filter(last_published_at__gte=modified_after)
    return offers.order_by("title", "pk")


def minimal_service(page) -> dict:
    service = dump_service(page)
    return {
        key: service[key] for key in ("id", "name", "status", "last_modified") if key in service
    }


@router.get("/hsds/", summary="Over deze HSDS-API")
def api_root(request):
    """The HSDS version, the profile and where the OpenAPI description is."""
    return answer(
        request,
        set(),
        lambda: {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": public_url(reverse("api:openapi-json")),
        },
    )


@router.get("/hsds/services", summary="Al het aanbod, per bladzijde")
def list_services(
    request,
    search: str = "",
    taxonomy_term_id: str = "",
    taxonomy_id: str = "",
    organization_id: str = "",
    modified_after: datetime.datetime | None = None,
    minimal: bool = False,
    full: bool = True,
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: str = "json",
):
    """Services by name. ``minimal`` gives only id, name, status and last_modified."""

    def build():
        offers = filter_offers(
            search, taxonomy_term_id, taxonomy_id, organization_id, modified_after
        )
        if minimal:
            return paginate(
                offers,
                page,
                per_page,
                lambda part: [minimal_service(p) for p in with_related(part)],
            )
        return paginate(offers, page, per_page, dump_services)

    allowed = PAGING | {
        "search",
        "taxonomy_term_id",
        "taxonomy_id",
        "organization_id",
        "modified_after",
        "minimal",
        "full",
    }
    return answer(request, allowed, build)


def find_offer(value: str):
    uuid = ids.parse_uuid(value)
    if uuid is None:
        return None
    return with_related(shared_offers().filter(translation_key=uuid)).first()


@router.get("/hsds/services/{service_id}", summary="Eén aanbod")
def get_service(request, service_id: str):
    def build():
        page = find_offer(service_id)
        return (
            dump_service(page)
            if page
            else not_found(_("Er is geen aanbod met id %(id)s."), service_id)
        )

    return answer(request, set(), build)


def shared_organisations():
    """Organisations with at least one offer that residents see."""
    return Organisatie.objects.filter(aanbod__in=shared_offers()).distinct().order_by("name", "pk")


def organisation_with_services(organisatie, full_service: bool) -> dict:
    data = organisation_object(organisatie)
    if full_service:
        data["services"] = dump_services(
            shared_offers().filter(organisatie=organisatie).order_by("title", "pk")
        )
    return data


@router.get("/hsds/organizations", summary="De organisaties")
def list_organizations(
    request,
    search: str = "",
    full_service: bool = False,
    full: bool = True,
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: str = "json",
):
    """Organisations by name, only those with an offer residents see."""

    def build():
        organisations = shared_organisations()
        if search.strip():
            organisations = organisations.filter(name__icontains=search.strip())
        return paginate(
            organisations,
            page,
            per_page,
            lambda part: [organisation_with_services(o, full_service) for o in part],
        )

    return answer(request, PAGING | {"search", "full_service", "full"}, build)


@router.get("/hsds/organizations/{organization_id}", summary="Eén organisatie")
def get_organization(request, organization_id: str, full_service: bool = False):
    def build():
        uuid = ids.parse_uuid(organization_id)
        organisatie = shared_organisations().filter(hsds_id=uuid).first() if uuid else None
        if organisatie is None:
            return not_found(_("Er is geen organisatie met id %(id)s."), organization_id)
        return organisation_with_services(organisatie, full_service)

    return answer(request, {"full_service"}, build)


def search_terms(items: list[dict], search: str) -> list[dict]:
    words = search.strip().lower()
    return [
        item
        for item in items
        if not words or words in f"{item['name']} {item['description']}".lower()
    ]


@router.get("/hsds/taxonomies", summary="De taxonomieën")
def list_taxonomies(
    request, search: str = "", page: int = 1, per_page: int = PER_PAGE_DEFAULT, format: str = "json"
):
    return answer(
        request,
        PAGING | {"search"},
        lambda: paginate(search_terms(all_taxonomies(), search), page, per_page, list),
    )


@router.get("/hsds/taxonomies/{taxonomy_id}", summary="Eén taxonomie")
def get_taxonomy(request, taxonomy_id: str):
    found = next((t for t in all_taxonomies() if t["id"] == taxonomy_id.lower()), None)
    return answer(
        request,
        set(),
        lambda: found or not_found(_("Er is geen taxonomie met id %(id)s."), taxonomy_id),
    )


@router.get("/hsds/taxonomy_terms", summary="De termen van de taxonomieën")
def list_taxonomy_terms(
    request,
    search: str = "",
    taxonomy_id: str = "",
    top_only: bool = False,
    parent_id: str = "",
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: str = "json",
):
    """All terms are top terms: the site's taxonomies are flat (no ``parent_id``)."""

    def build():
        terms = search_terms(all_terms(), search)
        if taxonomy_id:
            wanted = str(uuid_param(taxonomy_id, "taxonomy_id"))
            terms = [term for term in terms if term["taxonomy_id"] == wanted]
        if parent_id:
            uuid_param(parent_id, "parent_id")
            terms = []
        return paginate(terms, page, per_page, list)

    return answer(request, PAGING | {"search", "taxonomy_id", "top_only", "parent_id"}, build)


@router.get("/hsds/taxonomy_terms/{term_id}", summary="Eén term")
def get_taxonomy_term(request, term_id: str):
    found = next((t for t in all_terms() if t["id"] == term_id.lower()), None)
    return answer(
        request, set(), lambda: found or not_found(_("Er is geen term met id %(id)s."), term_id)
    )


def offer_places(offers) -> list[tuple]:
    """(offer, place, position) for every place of every offer, in the offers' order."""
    return [
        (page, plek, index)
        for page in with_related(offers)
        for index, plek in enumerate(page.plekken.all())
    ]


def dump_service_at_location(item: tuple) -> dict:
    page, plek, index = item
    sid = service_id(page)
    data = service_at_location(page, sid, plek, index)
    service = dump_service(page)
    data["service"] = {
        key: value for key, value in service.items() if key not in ("service_at_locations",)
    }
    return data


@router.get("/hsds/service_at_locations", summary="Aanbod per plek")
def list_service_at_locations(
    request,
    search: str = "",
    taxonomy_term_id: str = "",
    taxonomy_id: str = "",
    organization_id: str = "",
    modified_after: datetime.datetime | None = None,
    full: bool = True,
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: str = "json",
):
    """Each place of each offer; an offer for the whole city without a place has none."""

    def build():
        offers = filter_offers(
            search, taxonomy_term_id, taxonomy_id, organization_id, modified_after
        )
        items = offer_places(offers)
        return paginate(
            items, page, per_page, lambda part: [dump_service_at_location(i) for i in part]
        )

    allowed = PAGING | {
        "search",
        "taxonomy_term_id",
        "taxonomy_id",
        "organization_id",
        "modified_after",
        "full",
    }
    return answer(request, allowed, build)


@router.get("/hsds/service_at_locations/{sal_id}", summary="Eén aanbod op één plek")
def get_service_at_location(request, sal_id: str):
    def build():
        wanted = sal_id.lower()
        for item in offer_places(shared_offers()):
            page, plek, _index = item
            sid = service_id(page)
            if ids.derived(sid, f"service_at_location/{place_id(plek, sid)}") == wanted:
                return dump_service_at_location(item)
        return not_found(_("Er is geen aanbod op een plek met id %(id)s."), sal_id)

    return answer(request, set(), build)
