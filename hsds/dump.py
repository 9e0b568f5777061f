"""AanbodPage -> Open Referral (HSDS 3.0) service object, the inverse of ``parse``.

Used by ``export_hsds`` and the API. Empty values are left out (no ``null`` or ``""``), so
the output reads like a hand-written file. Every object carries a stable UUID (``hsds.ids``)
and the fields the official HSDS 3.0 schemas require (``hsds/schema/``).
"""

import re
from html.parser import HTMLParser

from django.db.models import Prefetch

from aanbod.languages import language_name
from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Plek, Tijdstip
from buurten.models import BuurtPage

from . import extra, ids
from .parse import (
    ACCESSIBILITY,
    DAYS,
    SKIP_PREFIX,
    STATUS_OUT,
    TAX_KIND,
    TAX_ORGANISATION_KIND,
    TAX_REGISTRATION,
)
from .taxonomies import (
    buurt_term,
    need_term,
    target_group_term,
    taxonomy_term,
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


PROVINCE = "Utrecht"  # address.state_province: every place the site shows lies in it


def service_id(page: AanbodPage) -> str:
    return str(page.translation_key)


def organisation_id(organisatie: Organisatie) -> str:
    return str(organisatie.hsds_id)


def place_id(plek: Plek, sid: str) -> str:
    """A partner's location id is kept (as a UUID); a place made here derives from its offer."""
    if plek.source_id:
        return str(ids.from_source_id(plek.source_id))
    return ids.derived(sid, f"location/{plek.pk}")


def dump_services(queryset) -> list[dict]:
    return [dump_service(page) for page in with_related(queryset)]


def dump_service(page: AanbodPage, *, kept: bool = True) -> dict:
    """One offer as a compiled HSDS service. Pass pages from ``with_related`` for speed.

    With what a partner sent that the site does not model (``hsds_extra``, see
    ``hsds.extra``); ``kept=False`` gives only what the site itself holds."""
    service = own_service(page)
    if kept and page.hsds_extra:
        service = extra.overlay(service, page.hsds_extra.get("kept"))
    return service


def own_service(page: AanbodPage) -> dict:
    sid = service_id(page)
    service = {
        "id": sid,
        "name": page.title,
        "alternate_name": page.alternate_name,
        "description": _description(page),
        "url": page.website,
        "email": page.email,
        "status": STATUS_OUT[page.status],
        "application_process": page.referral,
        "eligibility_description": page.eligibility,
        "fees_description": page.fees_description,
        "minimum_age": page.minimum_age,
        "maximum_age": page.maximum_age,
        "alert": page.alert,
        "assured_date": page.last_verified.isoformat() if page.last_verified else None,
        "last_modified": _last_modified(page),
        "phones": _phones(page.phone, sid),
        "contacts": _contacts(page, sid),
        "languages": [
            {"id": ids.derived(sid, f"language/{code}"), "code": code, "name": language_name(code)}
            for code in page.languages or []
        ],
        "cost_options": _with_ids(_cost_options(page), sid, "cost_option"),
        "schedules": _with_ids(_schedules(page.tijden.all()), sid, "schedule"),
        "service_at_locations": _locations(page, sid),
        "required_documents": [
            {"id": ids.derived(sid, f"required_document/{index}"), "document": line}
            for index, line in enumerate(_lines(page.required_documents))
        ],
        "attributes": _attributes(page, sid),
    }
    if page.organisatie:
        service["organization_id"] = organisation_id(page.organisatie)
        service["organization"] = organisation_object(page.organisatie)
    return _compact(service)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _last_modified(page: AanbodPage) -> str | None:
    """When the live version was published: what a partner's incremental sync asks after."""
    moment = page.last_published_at or page.latest_revision_created_at
    return moment.isoformat() if moment else None


def _with_ids(items: list[dict], owner: str, kind: str) -> list[dict]:
    return [
        {"id": ids.derived(owner, f"{kind}/{index}"), **item} for index, item in enumerate(items)
    ]


def _attribute(owner: str, term: dict, value: str = "") -> dict:
    attribute = {
        "id": ids.derived(owner, f"attribute/{term['taxonomy']}/{term['code']}"),
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
        "value": value,
    }
    return _compact(attribute)


def _phones(number: str, owner: str) -> list[dict]:
    return [{"id": ids.derived(owner, "phone/0"), "number": number}] if number else []


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


def _contacts(page: AanbodPage, sid: str) -> list[dict]:
    contact_id = ids.derived(sid, "contact/0")
    contact = _compact(
        {
            "name": page.contact_name,
            "title": page.contact_role,
            "email": page.contact_email,
            "phones": _phones(page.contact_phone, contact_id),
        }
    )
    return [{"id": contact_id, **contact}] if contact else []


def _cost_options(page: AanbodPage) -> list[dict]:
    if page.cost == AanbodPage.Cost.BEDRAG and page.cost_amount is not None:
        amount = float(page.cost_amount)
        return [_compact({"option": page.cost_note, "amount": amount, "currency": "EUR"})]
    if page.cost == AanbodPage.Cost.BEDRAG:  # it costs money, the amount is in the note
        return [{"option": page.cost_note}]
    options = [{"option": "Gratis", "amount": 0, "currency": "EUR"}]
    if page.cost_note:
        options.append({"option": page.cost_note})
    return options


def _time(value) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _schedule(tijd) -> dict:
    """One row of ``tijden`` as an HSDS schedule (the inverse of ``parse._schedules``)."""
    item = {
        "opens_at": _time(tijd.opens_at),
        "closes_at": _time(tijd.closes_at),
        "description": tijd.note,
    }
    if tijd.skip_dates:
        item["notes"] = f"{SKIP_PREFIX}{', '.join(tijd.skip_dates)}."
    if tijd.date is not None:
        return _compact({"dtstart": tijd.date.isoformat(), **item})
    first = tijd.valid_from.isoformat() if tijd.valid_from else None
    last = tijd.valid_until.isoformat() if tijd.valid_until else None
    pattern = {"freq": "WEEKLY", "interval": tijd.interval if tijd.interval > 1 else None}
    if tijd.month_day is not None:
        pattern = {"freq": "MONTHLY", "bymonthday": str(tijd.month_day)}
    elif tijd.week_of_month is not None:
        pattern = {"freq": "MONTHLY", "byday": f"{tijd.week_of_month}{DAYS[tijd.weekday]}"}
    else:
        pattern["byday"] = DAYS[tijd.weekday]
    period = {"dtstart": first, "valid_from": first, "until": last, "valid_to": last}
    return _compact({**pattern, **period, **item})


def _schedules(tijden) -> list[dict]:
    """Rows next to each other that differ only in their day share one schedule
    ("byday": "MO,TH", "bymonthday": "1,15")."""
    schedules: list[dict] = []
    for tijd in tijden:
        item = _schedule(tijd)
        previous = schedules[-1] if schedules else {}
        key = next((k for k in ("byday", "bymonthday") if k in item), None)
        if key and key in previous and _without(previous, key) == _without(item, key):
            previous[key] += f",{item[key]}"
        else:
            schedules.append(item)
    return schedules


def _without(schedule: dict, key: str) -> dict:
    return {name: value for name, value in schedule.items() if name != key}


def _accessibility(page: AanbodPage, lid: str) -> list[dict]:
    return [
        _compact(
            {
                "id": ids.derived(lid, f"accessibility/{code}"),
                "description": getattr(page, f"{field}_note"),
                "details": code,
            }
        )
        for code, field in ACCESSIBILITY.items()
        if getattr(page, field)
    ]


def _locations(page: AanbodPage, sid: str) -> list[dict]:
    """The offer's accessibility goes with its first place (the model keeps one set)."""
    return [
        service_at_location(page, sid, plek, index) for index, plek in enumerate(page.plekken.all())
    ]


def service_at_location(page: AanbodPage, sid: str, plek: Plek, index: int) -> dict:
    lid = place_id(plek, sid)
    address = {
        "id": ids.derived(lid, "address/0"),
        "address_1": plek.address,
        "city": plek.city,
        "state_province": PROVINCE,
        "postal_code": plek.postcode,
        "country": "NL",
        "address_type": "physical",
    }
    location = {
        "id": lid,
        "location_type": "physical",
        "name": plek.name,
        "latitude": plek.latitude,
        "longitude": plek.longitude,
        "addresses": [address],
        "accessibility": _accessibility(page, lid) if index == 0 else [],
    }
    return {
        "id": ids.derived(sid, f"service_at_location/{lid}"),
        "service_id": sid,
        "location_id": lid,
        "location": _compact(location),
    }


def _attributes(page: AanbodPage, sid: str) -> list[dict]:
    kind = page.get_kind_display()
    registration = page.get_registration_display()
    return [
        *(_attribute(sid, need_term(need)) for need in page.needs.all()),
        *(_attribute(sid, target_group_term(group)) for group in page.target_groups.all()),
        _attribute(sid, taxonomy_term(TAX_KIND, page.kind, kind, kind)),
        *(
            [
                _attribute(
                    sid,
                    taxonomy_term(TAX_REGISTRATION, page.registration, registration, registration),
                    page.registration_note,
                )
            ]
            if page.registration  # not known: not presented as a fact
            else []
        ),
        *(_attribute(sid, buurt_term(buurt)) for buurt in page.also_serves.all()),
    ]


def organisation_object(organisatie: Organisatie) -> dict:
    """``description`` is required by HSDS: without one, the name stands in."""
    oid = organisation_id(organisatie)
    kind = organisatie.get_kind_display()
    return _compact(
        {
            "id": oid,
            "name": organisatie.name,
            "description": organisatie.description or organisatie.name,
            "website": organisatie.website,
            "email": organisatie.email,
            "phones": _phones(organisatie.phone, oid),
            "attributes": [
                _attribute(oid, taxonomy_term(TAX_ORGANISATION_KIND, organisatie.kind, kind, kind))
            ],
        }
    )
