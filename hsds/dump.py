"""AanbodPage -> Open Referral (HSDS 3.0) service object, the inverse of ``parse``.

Used by ``export_hsds`` and the API. Empty values are left out (no ``null`` or ``""``), so
the output reads like a hand-written file. Nested objects carry no ids of their own except
organisations and locations.
"""

import re
from html.parser import HTMLParser

from django.db.models import Prefetch

from aanbod.languages import language_name
from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Plek, Tijdstip
from buurten.models import BuurtPage

from .parse import (
    ACCESSIBILITY,
    DAYS,
    OWN_ID_PREFIX,
    STATUS_OUT,
    TAX_BUURT,
    TAX_KIND,
    TAX_NEED,
    TAX_ORGANISATION_KIND,
    TAX_REGISTRATION,
    TAX_TARGET_GROUP,
)

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "pre"}


def shared_offers():
    """What partners get, in the API and the export: the offers residents see listed
    (``AanbodPage.objects.listed()``), never one behind a view restriction."""
    return AanbodPage.objects.listed()


def with_related(queryset):
    """Everything a service object needs, in a fixed number of queries."""
    return queryset.select_related("organisatie").prefetch_related(
        Prefetch("needs", queryset=Hulpvraag.objects.order_by("code")),
        Prefetch("target_groups", queryset=Doelgroep.objects.order_by("code")),
        Prefetch("also_serves", queryset=BuurtPage.objects.order_by("cbs_code")),
        Prefetch("tijden", queryset=Tijdstip.objects.order_by("sort_order", "pk")),
        Prefetch("plekken", queryset=Plek.objects.order_by("sort_order", "pk")),
    )


def service_id(page: AanbodPage) -> str:
    return page.source_id or f"{OWN_ID_PREFIX}{page.pk}"


def organisation_id(organisatie: Organisatie) -> str:
    return organisatie.source_id or f"{OWN_ID_PREFIX}organisatie-{organisatie.pk}"


def place_id(plek: Plek) -> str:
    return plek.source_id or f"{OWN_ID_PREFIX}plek-{plek.pk}"


def dump_services(queryset) -> list[dict]:
    return [dump_service(page) for page in with_related(queryset)]


def dump_service(page: AanbodPage) -> dict:
    """One offer as a compiled HSDS service. Pass pages from ``with_related`` for speed."""
    sid = service_id(page)
    service = {
        "id": sid,
        "name": page.title,
        "description": _description(page),
        "url": page.website,
        "email": page.email,
        "status": STATUS_OUT[page.status],
        "application_process": page.referral,
        "eligibility_description": page.eligibility,
        "assured_date": page.last_verified.isoformat() if page.last_verified else None,
        "phones": _phones(page.phone),
        "contacts": _contacts(page),
        "languages": [{"code": code, "name": language_name(code)} for code in page.languages or []],
        "cost_options": _cost_options(page),
        "schedules": _schedules(page.tijden.all()),
        "service_at_locations": _locations(page, sid),
        "attributes": _attributes(page),
    }
    if page.organisatie:
        service["organization_id"] = organisation_id(page.organisatie)
        service["organization"] = _organisation(page.organisatie)
    return _compact(service)


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _term(taxonomy: str, code: str, name, value: str = "") -> dict:
    term = {"code": code, "name": str(name), "taxonomy": taxonomy}
    return _compact({"taxonomy_term": term, "value": value})


def _phones(number: str) -> list[dict]:
    return [{"number": number}] if number else []


def _description(page: AanbodPage) -> str:
    summary = re.sub(r"\n\s*\n", "\n", page.summary.strip())  # a blank line would end it
    return "\n\n".join([summary, *rich_text_paragraphs(page.body)])


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS or tag == "br":
            self.flush()
        if tag == "li":
            self.current.append("- ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.flush()

    def handle_data(self, data):
        self.current.append(data)

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text and text != "-":
            self.paragraphs.append(text)
        self.current = []


def rich_text_paragraphs(html: str) -> list[str]:
    """Rich text -> plain paragraphs: each block (paragraph, heading, list item) one paragraph.

    Links keep their text only; list items start with "- ".
    """
    parser = _Paragraphs()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.paragraphs


def _contacts(page: AanbodPage) -> list[dict]:
    contact = _compact(
        {
            "name": page.contact_name,
            "title": page.contact_role,
            "email": page.contact_email,
            "phones": _phones(page.contact_phone),
        }
    )
    return [contact] if contact else []


def _cost_options(page: AanbodPage) -> list[dict]:
    if page.cost == AanbodPage.Cost.BEDRAG and page.cost_amount is not None:
        amount = float(page.cost_amount)
        return [_compact({"option": page.cost_note, "amount": amount, "currency": "EUR"})]
    options = [{"option": "Gratis", "amount": 0, "currency": "EUR"}]
    if page.cost_note:
        options.append({"option": page.cost_note})
    return options


def _time(value) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _schedules(tijden) -> list[dict]:
    """Weekly rows next to each other with the same times and note share one schedule."""
    schedules: list[dict] = []
    for tijd in tijden:
        times = {"opens_at": _time(tijd.opens_at), "closes_at": _time(tijd.closes_at)}
        item = _compact({**times, "description": tijd.note})
        if tijd.date is not None:
            schedules.append({"dtstart": tijd.date.isoformat(), **item})
            continue
        previous = schedules[-1] if schedules else {}
        if previous.get("freq") == "WEEKLY" and _without_days(previous) == item:
            previous["byday"] += f",{DAYS[tijd.weekday]}"
        else:
            schedules.append({"freq": "WEEKLY", "byday": DAYS[tijd.weekday], **item})
    return schedules


def _without_days(schedule: dict) -> dict:
    return {key: value for key, value in schedule.items() if key not in ("freq", "byday")}


def _accessibility(page: AanbodPage) -> list[dict]:
    return [
        _compact({"description": getattr(page, f"{field}_note"), "details": code})
        for code, field in ACCESSIBILITY.items()
        if getattr(page, field)
    ]


def _locations(page: AanbodPage, sid: str) -> list[dict]:
    """The offer's accessibility goes with its first place (the model keeps one set)."""
    result = []
    for index, plek in enumerate(page.plekken.all()):
        lid = place_id(plek)
        address = {"address_1": plek.address, "city": plek.city, "postal_code": plek.postcode}
        location = {
            "id": lid,
            "name": plek.name,
            "latitude": plek.latitude,
            "longitude": plek.longitude,
            "addresses": [_compact({**address, "country": "NL"})],
            "accessibility": _accessibility(page) if index == 0 else [],
        }
        result.append({"id": f"{sid}@{lid}", "location": _compact(location)})
    return result


def _attributes(page: AanbodPage) -> list[dict]:
    return [
        *(_term(TAX_NEED, need.code, need.label) for need in page.needs.all()),
        *(_term(TAX_TARGET_GROUP, group.code, group.label) for group in page.target_groups.all()),
        _term(TAX_KIND, page.kind, page.get_kind_display()),
        _term(
            TAX_REGISTRATION,
            page.registration,
            page.get_registration_display(),
            page.registration_note,
        ),
        *(_term(TAX_BUURT, buurt.cbs_code, buurt.title) for buurt in page.also_serves.all()),
    ]


def _organisation(organisatie: Organisatie) -> dict:
    return _compact(
        {
            "id": organisation_id(organisatie),
            "name": organisatie.name,
            "description": organisatie.description,
            "website": organisatie.website,
            "email": organisatie.email,
            "phones": _phones(organisatie.phone),
            "attributes": [
                _term(TAX_ORGANISATION_KIND, organisatie.kind, organisatie.get_kind_display())
            ],
        }
    )
