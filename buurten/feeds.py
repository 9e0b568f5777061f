"""The .ics feeds of a buurt and a wijk: the times of every offer their page lists."""

from django.http import Http404
from django.views.decorators.http import require_GET

from aanbod import calendar
from aanbod.agenda import ics_response
from aanbod.listing import area_offers

from .models import BuurtPage, WijkPage


@require_GET
def area_feed(request, page_id):
    area = (
        BuurtPage.objects.live().public().filter(pk=page_id).first()
        or WijkPage.objects.live().public().filter(pk=page_id).first()
    )
    if area is None:
        raise Http404
    offers = area_offers(area)
    return ics_response(calendar.feed(offers, calendar.feed_name(area.title), request), area.slug)
