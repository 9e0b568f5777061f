"""The .ics feed of one offer (``aanbod.calendar`` makes it); buurten.feeds has the feeds of
a buurt and a wijk."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from . import calendar
from .models import AanbodPage


def ics_response(body: bytes, slug: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.ics"'
    return response


@require_GET
def offer_feed(request, page_id):
    offer = AanbodPage.objects.listed().for_cards().filter(pk=page_id).first()
    if offer is None:
        raise Http404
    return ics_response(
        calendar.feed([offer], calendar.feed_name(offer.title), request), offer.slug
    )
