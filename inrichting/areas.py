"""Creates a page for every wijk and buurt of Utrecht, and the "Heel Utrecht" page.
Existing pages are kept as they are, so running it again changes nothing."""

from django.db import transaction

from buurten.models import BuurtPage, StedelijkPage, WijkPage
from utrecht import neighbourhoods

STEDELIJK = {
    "title": "Heel Utrecht",
    "slug": "heel-utrecht",
    "intro": "Dit aanbod is er voor alle buurten in de stad.",
}


@transaction.atomic
def ensure_areas(home) -> None:
    wijk_pages = {page.cbs_code: page for page in WijkPage.objects.all()}
    existing_buurten = set(BuurtPage.objects.values_list("cbs_code", flat=True))
    for wijk in neighbourhoods.wijken():
        if wijk.code not in wijk_pages:
            wijk_pages[wijk.code] = home.add_child(
                instance=WijkPage(
                    title=wijk.name,
                    slug=wijk.slug,
                    cbs_code=wijk.code,
                    latitude=wijk.lat,
                    longitude=wijk.lon,
                    show_in_menus=False,
                )
            )
    for buurt in neighbourhoods.buurten():
        if buurt.code in existing_buurten:
            continue
        wijk_pages[buurt.wijk_code].add_child(
            instance=BuurtPage(
                title=buurt.name,
                slug=buurt.slug,
                cbs_code=buurt.code,
                subwijk=buurt.subwijk,
                latitude=buurt.lat,
                longitude=buurt.lon,
            )
        )


def ensure_stedelijk(home) -> StedelijkPage:
    page = StedelijkPage.objects.first()
    if page is None:
        page = home.add_child(instance=StedelijkPage(show_in_menus=True, **STEDELIJK))
    return page
