#!/usr/bin/env python3
"""Check the demo offer file (demo_hsds.json) against the project's rules.

Plain Python, standard library only:

    python tests/inrichting/demo_rules.py
    python tests/inrichting/demo_rules.py --reference /path/to/reference --file other.json

The reference folder holds ``wijken.csv``, ``buurten.csv`` and ``pc4.csv`` (and, when
present, ``buurten.geojson`` for a point-in-polygon check); by default the project's own
``utrecht/data``. It is a test helper, not shipped: ``test_demo_rules.py`` runs it.

Exit code 0 when the file passes, 1 when there are errors, 2 when a file is missing.
The functions ``load_reference`` and ``check`` can be imported by tests.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_FILE = ROOT / "inrichting" / "demo" / "demo_hsds.json"
DEFAULT_REFERENCE = ROOT / "utrecht" / "data"

# --- Codes (docs/architecture.md, glossary) -------------------------------------------------------

NEED_CODES = (
    "ontmoeting",
    "eenzaamheid",
    "mantelzorg",
    "respijtzorg",
    "activering",
    "vrijwilligerswerk",
    "praktische-hulp",
    "geldzaken",
    "digitale-hulp",
    "taal",
    "bewegen",
    "eten",
    "lotgenoten",
    "psychische-gezondheid",
    "opvoeden",
    "wonen",
    "vervoer",
    "informatie-advies",
    "buurtinitiatief",
    "beperking",
)
TARGET_GROUP_CODES = (
    "iedereen",
    "ouderen",
    "jongeren",
    "kinderen-ouders",
    "mantelzorgers",
    "mensen-met-een-beperking",
    "psychische-kwetsbaarheid",
    "nah",
    "verstandelijke-beperking",
    "dakloosheid",
    "nieuwkomers",
)
KIND_CODES = (
    "ontmoetingsplek",
    "activiteit",
    "hulp",
    "vrijwilligerswerk",
    "informatie-advies",
    "respijtzorg",
)
REGISTRATION_CODES = ("inloop", "aanmelden", "verwijzing")
ORGANISATION_KINDS = (
    "bewonersinitiatief",
    "vrijwilligersorganisatie",
    "professionele-organisatie",
    "gemeente",
)
ACCESSIBILITY_CODES = ("rolstoel", "toilet", "ringleiding", "stille-ruimte", "geleidehond")

TAX_NEED = "buurtwijzer-hulpvraag"
TAX_GROUP = "buurtwijzer-doelgroep"
TAX_KIND = "buurtwijzer-soort"
TAX_REGISTRATION = "buurtwijzer-aanmelding"
TAX_BUURT = "buurtwijzer-buurt"
TAX_ORGANISATION = "buurtwijzer-organisatiesoort"
SERVICE_TAXONOMIES = (TAX_NEED, TAX_GROUP, TAX_KIND, TAX_REGISTRATION, TAX_BUURT)

STATUSES = ("active", "inactive", "defunct", "temporarily closed")  # HSDS 3.0 enum
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

REQUIRED_SERVICE_KEYS = (
    "id",
    "name",
    "description",
    "status",
    "assured_date",
    "application_process",
    "eligibility_description",
    "organization",
    "phones",
    "languages",
    "cost_options",
    "schedules",
    "service_at_locations",
    "attributes",
)

# ISO 639-1 two-letter codes.
# fmt: off
ISO_639_1 = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy",
    "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj",
    "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht",
    "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky",
    "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn",
    "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny",
    "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru",
    "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss",
    "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts",
    "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo",
    "za", "zh", "zu",
}
# fmt: on

# --- Plain language (B1) -----------------------------------------------------------------

SUMMARY_MAX_CHARS = 300
SENTENCE_MAX_WORDS = 20
SENTENCE_AVG_MAX_WORDS = 15
# Officialese the project does not want; inflected forms of the verbs are caught too.
OFFICIALESE = {
    "indien": r"\bindien\b",
    "teneinde": r"\bteneinde\b",
    "reeds": r"\breeds\b",
    "participeren": r"\bparticip(?:eer|eert|eren|eerde|eerden|eerd)\b",
    "verstrekken": r"\b(?:verstrek|verstrekt|verstrekken|verstrekte|verstrekten)\b",
    "middels": r"\bmiddels\b",
    "ten behoeve van": r"\bten\s+behoeve\s+van\b",
}
# The reader is addressed as "u"; informal address is not mixed in.
INFORMAL_ADDRESS = r"\b(?:je|jij|jou|jouw|jullie)\b"

# --- Formats -----------------------------------------------------------------------------

TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POSTCODE_RE = re.compile(r"^([1-9]\d{3}) ([A-Z]{2})$")
PHONE_RE = re.compile(r"^(?:0[1-57-9]\d \d{3} \d{4}|06 \d{4} \d{4}|14 0\d{2,3}|0[89]00 \d{4})$")
EMAIL_RE = re.compile(r"^[a-z0-9._-]+@example\.org$")
URL_PREFIX = "https://example.org/"
BUURT_CODE_RE = re.compile(r"^BU0344\d{4}$")
MONTHLY_DAY_RE = re.compile(r"^(?:-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")

ASSURED_MIN = dt.date(2025, 1, 1)
ASSURED_MAX = dt.date(2026, 11, 15)
DEFAULT_TODAY = dt.date(2026, 11, 22)
NEAR_CENTROID_KM = 1.5

# What the demo set must show at least once (so every part of the site has an example).
MIN_OFFERS = 64
MIN_PER_WIJK = 4
MIN_PER_NEED = 2
MIN_CITYWIDE = 1


# --- Reference data ----------------------------------------------------------------------


def load_reference(ref_dir: Path = DEFAULT_REFERENCE) -> dict:
    """The project's own wijken, buurten, postcodes and buurt outlines (utrecht/data).
    Raises FileNotFoundError when a file is missing."""
    ref_dir = Path(ref_dir)

    def rows(name):
        with open(ref_dir / name, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    wijken = {row["code"]: row["name"] for row in rows("wijken.csv")}
    pc4_wijk = {row["pc4"].strip(): wijken[row["wijk_code"]] for row in rows("pc4.csv")}
    buurten = {
        row["code"]: {
            "name": row["name"],
            "wijk": wijken[row["wijk_code"]],
            "wijk_code": row["wijk_code"],
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
        }
        for row in rows("buurten.csv")
    }
    polygons = None
    geojson = ref_dir / "buurten.geojson"
    if geojson.exists():
        with open(geojson, encoding="utf-8") as fh:
            data = json.load(fh)
        polygons = []
        for feature in data.get("features", []):
            geom = feature.get("geometry") or {}
            props = feature.get("properties") or {}
            if geom.get("type") == "Polygon":
                parts = [geom["coordinates"]]
            elif geom.get("type") == "MultiPolygon":
                parts = geom["coordinates"]
            else:
                continue
            code = props.get("code") or props.get("buurt_code")
            wijk_code = buurten.get(code, {}).get("wijk_code") or props.get("wijk_code")
            polygons.append((code, wijk_code, parts))
    return {"pc4_wijk": pc4_wijk, "wijken": wijken, "buurten": buurten, "polygons": polygons}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _in_ring(x: float, y: float, ring: list) -> bool:
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def buurt_at(ref: dict, lat: float, lon: float):
    """The (buurt_code, wijk_code) whose outline holds the point, or None."""
    for buurt_code, wijk_code, parts in ref["polygons"] or ():
        for rings in parts:
            if _in_ring(lon, lat, rings[0]) and not any(_in_ring(lon, lat, h) for h in rings[1:]):
                return buurt_code, wijk_code
    return None


# --- Text helpers ------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    parts = re.split(r"[.!?]+", text)
    return [p.strip() for p in parts if p.strip()]


def words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if re.search(r"\w", w)]


def prose_strings(service: dict):
    """(label, text) pairs of all reader-facing text in a service."""
    yield "name", service.get("name") or ""
    yield "description", service.get("description") or ""
    yield "application_process", service.get("application_process") or ""
    yield "eligibility_description", service.get("eligibility_description") or ""
    org = service.get("organization") or {}
    yield "organization.description", org.get("description") or ""
    yield "organization.name", org.get("name") or ""
    for i, sched in enumerate(service.get("schedules") or []):
        yield f"schedules[{i}].description", sched.get("description") or ""
    for i, cost in enumerate(service.get("cost_options") or []):
        yield f"cost_options[{i}].option", cost.get("option") or ""
    for i, sal in enumerate(service.get("service_at_locations") or []):
        loc = sal.get("location") or {}
        yield f"location[{i}].name", loc.get("name") or ""
        for j, acc in enumerate(loc.get("accessibility") or []):
            yield f"location[{i}].accessibility[{j}]", acc.get("description") or ""


def _parse_date(value):
    if not isinstance(value, str) or not DATE_RE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# --- The check ---------------------------------------------------------------------------


def check(data, ref: dict, today: dt.date = DEFAULT_TODAY) -> tuple[list[str], dict]:
    """Return (errors, counts) for a parsed demo file."""
    errors: list[str] = []
    counts = {
        "need": Counter(),
        "group": Counter(),
        "wijk": Counter(),
        "kind": Counter(),
        "registration": Counter(),
        "status": Counter(),
        "organisation_kind": Counter(),
        "language": Counter(),
        "accessibility": Counter(),
        "other": Counter(),
    }

    if not isinstance(data, dict) or not isinstance(data.get("services"), list):
        return ['top level must be an object {"services": [...]}'], counts
    services = data["services"]
    if len(services) < MIN_OFFERS:
        errors.append(f"only {len(services)} offers, at least {MIN_OFFERS} wanted")

    seen_ids: set[str] = set()
    organisations: dict[str, str] = {}
    org_kinds: dict[str, str] = {}
    locations: dict[str, str] = {}
    wijk_names = set(ref["wijken"].values())

    for index, service in enumerate(services):
        sid = service.get("id") if isinstance(service, dict) else None
        where = f"service {sid or '#' + str(index)}"

        def err(msg: str, where=where) -> None:
            errors.append(f"{where}: {msg}")

        if not isinstance(service, dict):
            err("is not an object")
            continue
        missing = [k for k in REQUIRED_SERVICE_KEYS if k not in service]
        if missing:
            err(f"missing keys: {', '.join(missing)}")
            continue

        # id, name
        if not isinstance(sid, str) or not re.match(r"^demo-\d{4}$", sid):
            err('id must look like "demo-0001"')
        elif sid in seen_ids:
            err("duplicate id")
        seen_ids.add(sid)
        if not isinstance(service["name"], str) or not service["name"].strip():
            err("name is empty")
        elif len(service["name"]) > 80:
            err("name is longer than 80 characters")

        # description: summary paragraph + 1-3 more paragraphs
        description = service["description"]
        if not isinstance(description, str):
            err("description must be a string")
            description = ""
        paragraphs = [p.strip() for p in description.split("\n\n")]
        if any(not p for p in paragraphs):
            err("description has an empty paragraph")
        if not 2 <= len(paragraphs) <= 4:
            err(f"description has {len(paragraphs)} paragraphs; want the summary plus 1-3 more")
        summary = paragraphs[0] if paragraphs else ""
        if len(summary) > SUMMARY_MAX_CHARS:
            err(f"summary paragraph is {len(summary)} characters (max {SUMMARY_MAX_CHARS})")
        if not 1 <= len(sentences(summary)) <= 3:
            err(f"summary paragraph has {len(sentences(summary))} sentences (1-3)")
        desc_sentences = sentences(description)
        for sentence in desc_sentences:
            n = len(words(sentence))
            if n > SENTENCE_MAX_WORDS:
                err(f"sentence of {n} words in description: {sentence[:70]!r}")
        if desc_sentences:
            avg = sum(len(words(s)) for s in desc_sentences) / len(desc_sentences)
            counts["other"]["_sentence_words_total"] += sum(len(words(s)) for s in desc_sentences)
            counts["other"]["_sentences_total"] += len(desc_sentences)
            if avg > SENTENCE_AVG_MAX_WORDS:
                err(
                    f"description averages {avg:.1f} words per sentence (max {SENTENCE_AVG_MAX_WORDS})"
                )
        for field in ("application_process", "eligibility_description"):
            value = service[field]
            if not isinstance(value, str) or not value.strip():
                err(f"{field} is empty")
                continue
            for sentence in sentences(value):
                if len(words(sentence)) > SENTENCE_MAX_WORDS:
                    err(f"sentence of {len(words(sentence))} words in {field}: {sentence[:70]!r}")
        for label, text in prose_strings(service):
            for word, pattern in OFFICIALESE.items():
                if re.search(pattern, text, re.IGNORECASE):
                    err(f"officialese {word!r} in {label}")
            if re.search(INFORMAL_ADDRESS, text, re.IGNORECASE):
                err(f"informal address (je/jij/jouw/jullie) in {label}; use 'u'")

        # url, email
        if "url" in service and not str(service["url"]).startswith(URL_PREFIX):
            err(f"url must start with {URL_PREFIX}")
        if "email" in service and not EMAIL_RE.match(str(service["email"])):
            err("email must be an @example.org address")

        # status, assured_date
        status = service["status"]
        if status not in STATUSES:
            err(f"status {status!r} not one of {STATUSES}")
        counts["status"][status] += 1
        assured = _parse_date(service["assured_date"])
        if assured is None:
            err("assured_date is not an ISO date")
        else:
            if not ASSURED_MIN <= assured <= ASSURED_MAX:
                err(f"assured_date {assured} outside {ASSURED_MIN}..{ASSURED_MAX}")
            age_days = (today - assured).days
            if assured < _months_before(today, 12):
                counts["other"]["verified > 12 months ago"] += 1
            if assured < _months_before(today, 6):
                counts["other"]["verified > 6 months ago"] += 1
            counts["other"]["_age_days_max"] = max(counts["other"]["_age_days_max"], age_days)

        # organisation
        org = service["organization"]
        if not isinstance(org, dict):
            err("organization must be an object")
        else:
            for key in ("id", "name", "description", "attributes"):
                if not org.get(key):
                    err(f"organization.{key} missing")
            if "website" in org and not str(org["website"]).startswith(URL_PREFIX):
                err(f"organization.website must start with {URL_PREFIX}")
            if "email" in org and not EMAIL_RE.match(str(org["email"])):
                err("organization.email must be an @example.org address")
            kinds = [
                (a.get("taxonomy_term") or {}).get("code")
                for a in org.get("attributes") or []
                if (a.get("taxonomy_term") or {}).get("taxonomy") == TAX_ORGANISATION
            ]
            if len(kinds) != 1 or kinds[0] not in ORGANISATION_KINDS:
                err(f"organization needs exactly one {TAX_ORGANISATION} from {ORGANISATION_KINDS}")
            oid = org.get("id")
            dump = json.dumps(org, sort_keys=True, ensure_ascii=False)
            if oid in organisations and organisations[oid] != dump:
                err(f"organization {oid} differs from an earlier copy with the same id")
            organisations.setdefault(oid, dump)
            if kinds and oid not in org_kinds:
                org_kinds[oid] = kinds[0]

        # phones, contacts
        phones = service["phones"]
        if not isinstance(phones, list) or not phones:
            err("phones must be a non-empty list")
            phones = []
        for phone in phones:
            if not PHONE_RE.match(str(phone.get("number", ""))):
                err(
                    f"phone {phone.get('number')!r} not in a Dutch format (030 123 4567, 06 1234 5678, 14 030)"
                )
        for contact in service.get("contacts") or []:
            name = str(contact.get("name", ""))
            if len(name.split()) != 1 or not name[:1].isupper():
                err(f"contact name {name!r}: use a first name only")
            if "email" in contact and not EMAIL_RE.match(str(contact["email"])):
                err("contact email must be an @example.org address")
            for phone in contact.get("phones") or []:
                if not PHONE_RE.match(str(phone.get("number", ""))):
                    err(f"contact phone {phone.get('number')!r} not in a Dutch format")

        # languages
        languages = service["languages"]
        if not isinstance(languages, list) or not languages:
            err("languages must be a non-empty list")
            languages = []
        for lang in languages:
            code = lang.get("code")
            if code not in ISO_639_1:
                err(f"language code {code!r} is not ISO 639-1")
            counts["language"][code] += 1

        # cost options
        costs = service["cost_options"]
        if not isinstance(costs, list) or not costs:
            err("cost_options must be a non-empty list")
            costs = []
        for cost in costs:
            amount = cost.get("amount")
            if not cost.get("option") or cost.get("currency") != "EUR":
                err("cost option needs an option text and currency EUR")
            if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount < 0:
                err(f"cost amount {amount!r} must be a number >= 0")
        if costs and all(c.get("amount") == 0 for c in costs):
            counts["other"]["free"] += 1

        # schedules
        schedules = service["schedules"]
        if not isinstance(schedules, list):
            err("schedules must be a list")
            schedules = []
        if not schedules:
            counts["other"]["no schedule"] += 1
        for sched in schedules:
            opens, closes = sched.get("opens_at"), sched.get("closes_at")
            if not (isinstance(opens, str) and TIME_RE.match(opens)):
                err(f"opens_at {opens!r} is not HH:MM")
            if not (isinstance(closes, str) and TIME_RE.match(closes)):
                err(f"closes_at {closes!r} is not HH:MM")
            if opens == closes:
                err("opens_at equals closes_at")
            elif isinstance(opens, str) and isinstance(closes, str) and closes < opens:
                counts["other"]["open past midnight"] += 1
            freq = sched.get("freq")
            if freq is None:
                if _parse_date(sched.get("dtstart")) is None:
                    err("schedule without freq needs a dtstart date (a dated event)")
                else:
                    counts["other"]["dated events"] += 1
            elif freq not in ("WEEKLY", "MONTHLY"):
                err(f"freq {freq!r} not WEEKLY or MONTHLY")
            else:
                days = str(sched.get("byday", "")).split(",")
                for day in days:
                    ok = day in DAYS if freq == "WEEKLY" else MONTHLY_DAY_RE.match(day)
                    if not ok:
                        err(f"byday {sched.get('byday')!r} has an unknown day {day!r}")
                        break

        # locations -> wijk
        sals = service["service_at_locations"]
        if not isinstance(sals, list):
            err("service_at_locations must be a list")
            sals = []
        service_wijk = None
        for sal in sals:
            loc = sal.get("location") or {}
            lid = loc.get("id")
            if not lid or not loc.get("name"):
                err("location needs an id and a name")
            lat, lon = loc.get("latitude"), loc.get("longitude")
            if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
                err(f"location {lid}: latitude/longitude must be numbers")
                continue
            addresses = loc.get("addresses") or []
            if not addresses:
                err(f"location {lid}: no address")
                continue
            addr = addresses[0]
            for key in ("address_1", "city", "postal_code", "country"):
                if not addr.get(key):
                    err(f"location {lid}: address.{key} missing")
            if addr.get("country") != "NL":
                err(f"location {lid}: country must be NL")
            m = POSTCODE_RE.match(str(addr.get("postal_code", "")))
            if not m or m.group(2) in ("SA", "SD", "SS"):
                err(
                    f"location {lid}: postal code {addr.get('postal_code')!r} is not like '3582 AB'"
                )
                continue
            wijk = ref["pc4_wijk"].get(m.group(1))
            if wijk is None:
                err(f"location {lid}: PC4 {m.group(1)} is not a postcode of the municipality")
                continue
            near = min(
                (
                    distance_km(lat, lon, b["lat"], b["lon"])
                    for b in ref["buurten"].values()
                    if b["wijk"] == wijk
                ),
                default=float("inf"),
            )
            if near > NEAR_CENTROID_KM:
                err(f"location {lid}: {near:.2f} km from the nearest buurt centroid of {wijk}")
            if ref["polygons"] is not None:
                hit = buurt_at(ref, lat, lon)
                hit_wijk = ref["wijken"].get(hit[1]) if hit else None
                if hit_wijk != wijk:
                    err(
                        f"location {lid}: coordinates lie in {hit_wijk or 'no buurt'}, postcode says {wijk}"
                    )
            for acc in loc.get("accessibility") or []:
                if acc.get("details") not in ACCESSIBILITY_CODES:
                    err(f"location {lid}: accessibility code {acc.get('details')!r} unknown")
                elif not acc.get("description"):
                    err(f"location {lid}: accessibility note is empty")
                counts["accessibility"][acc.get("details")] += 1
            dump = json.dumps(loc, sort_keys=True, ensure_ascii=False)
            if lid in locations and locations[lid] != dump:
                err(f"location {lid} differs from an earlier copy with the same id")
            locations.setdefault(lid, dump)
            if service_wijk is None:
                service_wijk = wijk
        counts["wijk"][service_wijk or "(heel Utrecht)"] += 1

        # attributes
        by_tax: dict[str, list[str]] = {}
        for attr in service["attributes"]:
            term = attr.get("taxonomy_term") or {}
            by_tax.setdefault(term.get("taxonomy"), []).append(term.get("code"))
        for tax in by_tax:
            if tax not in SERVICE_TAXONOMIES:
                err(f"unknown taxonomy {tax!r}")
        allowed = {
            TAX_NEED: NEED_CODES,
            TAX_GROUP: TARGET_GROUP_CODES,
            TAX_KIND: KIND_CODES,
            TAX_REGISTRATION: REGISTRATION_CODES,
        }
        for tax, codes in allowed.items():
            for code in by_tax.get(tax, []):
                if code not in codes:
                    err(f"{tax} code {code!r} is not allowed")
            values = by_tax.get(tax, [])
            if len(values) != len(set(values)):
                err(f"{tax} has a code twice")
        for code in by_tax.get(TAX_BUURT, []):
            if not BUURT_CODE_RE.match(str(code)) or code not in ref["buurten"]:
                err(f"buurt code {code!r} not in wijken_buurten.csv")
        n_need, n_group = len(by_tax.get(TAX_NEED, [])), len(by_tax.get(TAX_GROUP, []))
        if not 1 <= n_need <= 3:
            err(f"{n_need} needs (1-3 wanted)")
        if not 1 <= n_group <= 3:
            err(f"{n_group} target groups (1-3 wanted)")
        if len(by_tax.get(TAX_KIND, [])) != 1:
            err(f"exactly one {TAX_KIND} wanted")
        if len(by_tax.get(TAX_REGISTRATION, [])) != 1:
            err(f"exactly one {TAX_REGISTRATION} wanted")
        for code in by_tax.get(TAX_NEED, []):
            counts["need"][code] += 1
        for code in by_tax.get(TAX_GROUP, []):
            counts["group"][code] += 1
        for code in by_tax.get(TAX_KIND, []):
            counts["kind"][code] += 1
        for code in by_tax.get(TAX_REGISTRATION, []):
            counts["registration"][code] += 1

    for kind in org_kinds.values():
        counts["organisation_kind"][kind] += 1

    # Coverage over the whole set
    for code in NEED_CODES:
        if counts["need"][code] < MIN_PER_NEED:
            errors.append(f"need {code!r} used {counts['need'][code]}x (at least {MIN_PER_NEED})")
    for code in TARGET_GROUP_CODES:
        if counts["group"][code] < 1:
            errors.append(f"target group {code!r} is never used")
    for wijk in sorted(wijk_names):
        if counts["wijk"][wijk] < MIN_PER_WIJK:
            errors.append(f"wijk {wijk}: {counts['wijk'][wijk]} offers (at least {MIN_PER_WIJK})")
    if counts["wijk"]["(heel Utrecht)"] < MIN_CITYWIDE:
        errors.append("no city-wide offer (empty service_at_locations)")
    wanted = {
        ("status", "temporarily closed"): 2,
        ("status", "inactive"): 2,
        ("other", "verified > 6 months ago"): 6,
        ("other", "verified > 12 months ago"): 3,
        ("other", "open past midnight"): 1,
        ("other", "dated events"): 2,
    }
    for (group, key), minimum in wanted.items():
        if counts[group][key] < minimum:
            errors.append(f"demo set needs at least {minimum} x {key!r}, has {counts[group][key]}")
    return errors, counts


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - months
    year = day.year
    while month < 1:
        month += 12
        year -= 1
    last_day = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last_day))


def _print_counts(counts: dict, total: int) -> None:
    def block(title: str, counter: Counter, order=None) -> None:
        print(f"\n{title}")
        keys = order if order is not None else sorted(counter, key=lambda k: (-counter[k], str(k)))
        for key in keys:
            print(f"  {counter[key]:3d}  {key}")

    print(f"{total} offers")
    wijk_order = [
        "West",
        "Noordwest",
        "Overvecht",
        "Noordoost",
        "Oost",
        "Binnenstad",
        "Zuid",
        "Zuidwest",
        "Leidsche Rijn",
        "Vleuten-De Meern",
        "(heel Utrecht)",
    ]
    block("per wijk", counts["wijk"], wijk_order + sorted(set(counts["wijk"]) - set(wijk_order)))
    block("per need (hulpvraag)", counts["need"], list(NEED_CODES))
    block("per target group (doelgroep)", counts["group"], list(TARGET_GROUP_CODES))
    block("per kind (soort)", counts["kind"], list(KIND_CODES))
    block("per registration (aanmelding)", counts["registration"], list(REGISTRATION_CODES))
    block("per status", counts["status"])
    block("organisations per kind", counts["organisation_kind"], list(ORGANISATION_KINDS))
    block("languages spoken", counts["language"])
    block("accessibility", counts["accessibility"], list(ACCESSIBILITY_CODES))
    other = Counter({k: v for k, v in counts["other"].items() if not k.startswith("_")})
    block("other", other)
    if counts["other"]["_sentences_total"]:
        avg = counts["other"]["_sentence_words_total"] / counts["other"]["_sentences_total"]
        print(f"\naverage sentence length in descriptions: {avg:.1f} words")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="the HSDS demo file")
    parser.add_argument(
        "--reference",
        type=Path,
        default=DEFAULT_REFERENCE,
        help="folder with wijken.csv, buurten.csv, pc4.csv and buurten.geojson",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=DEFAULT_TODAY,
        help=f"date to measure 'last verified' against (default {DEFAULT_TODAY})",
    )
    parser.add_argument("--quiet", action="store_true", help="print only errors")
    args = parser.parse_args(argv)

    try:
        ref = load_reference(args.reference)
    except FileNotFoundError as exc:
        print(f"reference file missing: {exc.filename} (use --reference DIR)", file=sys.stderr)
        return 2
    try:
        with open(args.file, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        print(f"file not found: {args.file}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"{args.file}: invalid JSON: {exc}", file=sys.stderr)
        return 1

    errors, counts = check(data, ref, today=args.today)
    if not args.quiet:
        _print_counts(counts, len(data.get("services", [])) if isinstance(data, dict) else 0)
        if ref["polygons"] is None:
            print("\n(no buurten geojson in the reference folder: point-in-polygon check skipped)")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for line in errors:
            print(f"  - {line}", file=sys.stderr)
        return 1
    print("\nOK: demo file passes all checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
