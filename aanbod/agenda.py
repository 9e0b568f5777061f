"""The .ics feeds: one per offer, one per buurt or wijk (``aanbod.calendar`` makes them)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET
from wagtail.models import Page

from buurten.models import BuurtPage, WijkPage

from . import calendar
from .listing import listed_offers, offers_for_buurt, offers_for_wijk


def _ics(body: bytes, slug: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.ics"'
    return response


@require_GET
def offer_feed(request, page_id):
    offer = listed_offers().filter(pk=page_id).first()
    if offer is None:
        raise Http404
    return _ics(calendar.feed([offer], calendar.feed_name(offer.title), request), offer.slug)


@require_GET
def area_feed(request, page_id):
    area = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if isinstance(area, BuurtPage):
        offers = offers_for_buurt(area)
    elif isinstance(area, WijkPage):
        offers = offers_for_wijk(area)
    else:
        raise Http404
    return _ics(calendar.feed(offers, calendar.feed_name(area.title), request), area.slug)
