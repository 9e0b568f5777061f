"""Read-only Open Referral (HSDS 3.0) API: the live, public offers as service objects.

Mounted in ``config/api.py``. Errors are ``{"error": "..."}`` with a 4xx status.
"""

import re

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Router

from .dump import dump_service, dump_services, shared_offers, with_related
from .parse import OWN_ID_PREFIX

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 200

router = Router(tags=["Open Referral (HSDS 3.0)"])


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@router.get("/hsds/services", summary="Al het aanbod, per bladzijde")
def list_services(request, page: int = 1, per_page: int = PER_PAGE_DEFAULT):
    """HSDS 3.0 "Page": ``page`` counts from 1, ``per_page`` is at most 200."""
    if page < 1:
        return error(400, _("Het paginanummer (page) moet 1 of hoger zijn."))
    if not 1 <= per_page <= PER_PAGE_MAX:
        return error(
            400,
            _("Het aantal per pagina (per_page) moet tussen 1 en %(max)d liggen.")
            % {"max": PER_PAGE_MAX},
        )
    offers = shared_offers().order_by("title", "pk")
    total = offers.count()
    total_pages = -(-total // per_page)
    start = (page - 1) * per_page
    contents = dump_services(offers[start : start + per_page]) if start < total else []
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": per_page,
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


@router.get("/hsds/services/{service_id}", summary="Eén aanbod")
def get_service(request, service_id: str):
    offers = shared_offers()
    page = with_related(offers.filter(source_id=service_id)).first()
    own = re.fullmatch(rf"{OWN_ID_PREFIX}([0-9]+)", service_id)
    if page is None and own:
        page = with_related(offers.filter(pk=int(own[1]), source_id__isnull=True)).first()
    if page is None:
        return error(404, _("Er is geen aanbod met id %(id)s.") % {"id": service_id})
    return dump_service(page)
