"""/overzicht/: what there is per need in each wijk and buurt, and where residents searched
and found nothing. For the sociale wijktafel, professionals and residents alike."""

import csv

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from buurten.models import WijkPage

from . import coverage, demand


def _context(table, **extra):
    return {
        "table": table,
        "thin": coverage.THIN,
        "days": demand.DAYS_SHOWN,
        **extra,
    }


@require_GET
def stad(request):
    table = coverage.city_table()
    return TemplateResponse(request, "overzicht/overzicht.html", _context(table))


@require_GET
def wijk(request, slug):
    page = get_object_or_404(WijkPage.objects.live().public(), slug=slug)
    table = coverage.wijk_table(page)
    return TemplateResponse(request, "overzicht/overzicht.html", _context(table, wijk=page))


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) in a
# buurt's title); a leading apostrophe makes it plain text (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(table, filename: str, area_label: str, per_wijk: bool = False) -> HttpResponse:
    """Made for Excel in Dutch: it splits on the list separator of the Dutch settings, ";",
    and reads UTF-8 (ë, ü, Arabic) only after a byte order mark; other programs read it too."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("hulpvraag-code"),
            _("hulpvraag"),
            _("%(area)s-code") % {"area": area_label},
            area_label,
            _("aantal aanbod"),
            _("keer gezocht in de wijk") if per_wijk else _("keer gezocht"),
            _("keer niets gevonden in de wijk") if per_wijk else _("keer niets gevonden"),
        ]
    )
    for need, cells, wijk_demand in table.rows:
        for area, cell in zip(table.areas, cells, strict=True):
            searches, nothing = wijk_demand or (cell.searches, cell.found_nothing)
            row = [need.code, need.label, area.code, area.name, cell.offers, searches, nothing]
            writer.writerow([_cell(value) for value in row])
    return response


@require_GET
def stad_csv(request):
    return _csv(coverage.city_table(), "overzicht-utrecht.csv", _("wijk"))


@require_GET
def wijk_csv(request, slug):
    page = get_object_or_404(WijkPage.objects.live().public(), slug=slug)
    return _csv(coverage.wijk_table(page), f"overzicht-{page.slug}.csv", _("buurt"), per_wijk=True)
