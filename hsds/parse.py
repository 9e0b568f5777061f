"""Check Open Referral (HSDS 3.0) service objects and turn them into plain dataclasses.

Nothing here writes to the database. Every problem becomes an ``HsdsError`` with the
service's id and the path of the field (``services[3].schedules[0].opens_at``); all problems
of a file are collected before anything is reported, so an editor can fix them in one go.
"""

import dataclasses
import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from aanbod.languages import known_languages
from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Repeat
from aanbod.validators import format_postcode, validate_dutch_phone, validate_postcode
from buurten.models import BuurtPage

TAX_NEED = "buurtwijzer-hulpvraag"
TAX_TARGET_GROUP = "buurtwijzer-doelgroep"
TAX_KIND = "buurtwijzer-soort"
TAX_REGISTRATION = "buurtwijzer-aanmelding"
TAX_BUURT = "buurtwijzer-buurt"
TAX_ORGANISATION_KIND = "buurtwijzer-organisatiesoort"

STATUS_IN = {
    "active": "actief",
    "temporarily closed": "tijdelijk-gesloten",
    "inactive": "beeindigd",
    "defunct": "beeindigd",
}
STATUS_OUT = {
    "actief": "active",
    "tijdelijk-gesloten": "temporarily closed",
    "beeindigd": "inactive",
}
KINDS = tuple(AanbodPage.Kind.values)
REGISTRATIONS = tuple(AanbodPage.Registration.values)
ORGANISATION_KINDS = tuple(Organisatie.Kind.values)
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index = Tijdstip.weekday
# HSDS accessibility `details` -> AanbodPage boolean field.
ACCESSIBILITY = {
    "rolstoel": "rolstoel",
    "toilet": "toilet",
    "ringleiding": "ringleiding",
    "stille-ruimte": "stille_ruimte",
    "geleidehond": "geleidehond",
}
FREE_OPTION = "gratis"
SUMMARY_MAX = 300
NOTE_MAX = 200  # Tijdstip.note

# HH:MM[:SS], optionally with a zone (Z, +01:00): the clock time is taken as Utrecht's.
_TIME_RE = re.compile(
    r"^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?$"
)
# HSDS interval -> Repeat (weekly), BYDAY ordinal -> Repeat (monthly).
EVERY_WEEKS = {1: Repeat.WEEK, 2: Repeat.TWO_WEEKS, 3: Repeat.THREE_WEEKS, 4: Repeat.FOUR_WEEKS}
NTH_WEEKDAY = {
    1: Repeat.FIRST,
    2: Repeat.SECOND,
    3: Repeat.THIRD,
    4: Repeat.FOURTH,
    -1: Repeat.LAST,
}
_BYDAY_RE = re.compile(r"^([+-]?[0-9])?(MO|TU|WE|TH|FR|SA|SU)$")
# The dates a time does not happen, in ``notes`` (HSDS has no EXDATE): "Niet op: 2026-12-24."
SKIP_PREFIX = "Niet op: "
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
# ISO 639-3 (and 639-2/B) codes of the languages the site names -> their ISO 639-1 code.
ISO_639_3 = {
    "nld": "nl", "dut": "nl", "eng": "en", "ara": "ar", "tur": "tr", "pol": "pl", "ukr": "uk",
    "rus": "ru", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "por": "pt",
    "ita": "it", "som": "so", "tir": "ti", "amh": "am", "fas": "fa", "per": "fa", "pes": "fa",
    "pus": "ps", "kur": "ku", "kmr": "ku", "ckb": "ku", "zho": "zh", "chi": "zh", "cmn": "zh",
    "hin": "hi", "urd": "ur", "ben": "bn", "bul": "bg", "ron": "ro", "rum": "ro", "hun": "hu",
    "srp": "sr", "bos": "bs", "hrv": "hr", "sqi": "sq", "alb": "sq", "ell": "el", "gre": "el",
    "heb": "he", "vie": "vi", "tha": "th", "ind": "id", "tgl": "tl", "swa": "sw", "swh": "sw",
    "ful": "ff", "hau": "ha", "yor": "yo", "ibo": "ig", "lit": "lt", "lav": "lv", "est": "et",
    "slk": "sk", "slo": "sk", "ces": "cs", "cze": "cs", "fry": "fy", "slv": "sl", "hye": "hy",
    "arm": "hy", "kat": "ka", "geo": "ka", "aze": "az", "bel": "be", "dan": "da", "swe": "sv",
    "nor": "no", "fin": "fi", "jpn": "ja", "kor": "ko", "tam": "ta", "pan": "pa", "nep": "ne",
    "uzb": "uz", "lin": "ln", "kin": "rw", "orm": "om",
}  # fmt: skip
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_NO_ID = "(zonder id)"
_NOT_A_LIST = (
    'Het bestand moet aanbod bevatten: één dienst {...}, een lijst [...], {"services": [...]} '
    'of een pagina uit de HSDS-API {"contents": [...]}.'
)
# Phone numbers from abroad: + or 00, then 8 to 15 digits (ITU E.164).
_FOREIGN_PHONE_RE = re.compile(r"^(\+|00)[0-9 ()\-.]{8,20}$")
# Schedule parts that narrow down when it happens, which the site cannot show.
_NARROWING = ("count", "byweekno", "byyearday", "bymonth", "bysetpos")
AGE_MAX = 120


@dataclass(frozen=True)
class HsdsError:
    service_id: str | None
    path: str
    message: str

    def __str__(self):
        who = f"aanbod '{self.service_id}'" if self.service_id else "bestand"
        return f"{who}, {self.path}: {self.message}"


# A warning has the same parts: what the site did not show, kept or could not use.
HsdsWarning = HsdsError


class HsdsErrors(Exception):
    """All problems of one file; nothing has been changed when this is raised."""

    def __init__(self, errors: list[HsdsError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class KnownCodes:
    """The codes an import may use: needs, target groups and the buurten (CBS codes)."""

    needs: frozenset[str]
    target_groups: frozenset[str]
    buurten: frozenset[str]

    @classmethod
    def from_database(cls) -> "KnownCodes":
        return cls(
            frozenset(Hulpvraag.objects.values_list("code", flat=True)),
            frozenset(Doelgroep.objects.values_list("code", flat=True)),
            frozenset(BuurtPage.objects.values_list("cbs_code", flat=True)),
        )


@dataclass
class Schedule:
    """One row of ``Tijdstip``: its fields, by the same names."""

    weekday: int | None
    date: datetime.date | None
    opens_at: datetime.time
    closes_at: datetime.time
    past_midnight: bool
    note: str
    repeat: str = Repeat.WEEK
    month_day: int | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    skip_dates: list[str] = field(default_factory=list)


@dataclass
class Location:
    source_id: str
    name: str
    address: str
    postcode: str
    city: str
    latitude: float | None
    longitude: float | None


@dataclass
class Organisation:
    source_id: str
    name: str
    kind: str
    description: str
    website: str
    email: str
    phone: str


@dataclass
class Service:
    source_id: str
    title: str
    summary: str
    body: str  # HTML, one <p> per paragraph
    status: str = "actief"
    last_verified: datetime.date | None = None
    website: str = ""
    email: str = ""
    phone: str = ""
    referral: str = ""
    eligibility: str = ""
    registration: str = ""  # not known, unless the file says (buurtwijzer-aanmelding)
    registration_note: str = ""
    contact_name: str = ""
    contact_role: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    languages: list[str] = field(default_factory=list)
    cost: str = "gratis"
    cost_amount: Decimal | None = None
    cost_note: str = ""
    kind: str = "activiteit"
    needs: list[str] = field(default_factory=list)  # sorted: the order carries no meaning
    target_groups: list[str] = field(default_factory=list)
    also_serves: list[str] = field(default_factory=list)
    organisation: Organisation | None = None
    schedules: list[Schedule] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    accessibility: dict[str, str] = field(default_factory=dict)  # field name -> note
    alternate_name: str = ""
    fees_description: str = ""
    alert: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    required_documents: str = ""  # one document a line
    # The partner's object as sent, and what the site noticed: not part of the content.
    raw: dict | None = field(default=None, compare=False, repr=False)
    warnings: list[HsdsError] = field(default_factory=list, compare=False, repr=False)


# Reading one value ----------------------------------------------------------------------


class _Reader:
    """Reads typed values and records an error (and returns a default) when one is wrong."""

    def __init__(self, errors: list[HsdsError], service_id: str | None = None):
        self.errors = errors
        self.warnings: list[HsdsError] = []
        self.service_id = service_id

    def error(self, path: str, message: str) -> None:
        self.errors.append(HsdsError(self.service_id, path, message))

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(HsdsWarning(self.service_id, path, message))

    def obj(self, value, path: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, "Dit moet een object zijn, tussen { en }.")
            return {}
        return value

    def items(self, value, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, "Dit moet een lijst zijn, tussen [ en ].")
            return []
        return value

    def text(self, value, path: str, max_length: int | None = None, required: bool = False) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)  # an id or house number written as a number
        if value is not None and not isinstance(value, str):
            self.error(path, "Dit moet tekst zijn.")
            return ""
        value = (value or "").strip()
        if required and not value:
            self.error(path, "Dit ontbreekt. Vul het in.")
        elif max_length and len(value) > max_length:
            self.error(path, f"Dit is {len(value)} tekens. Hoogstens {max_length} tekens mag.")
            return ""
        return value

    def checked(self, value, path: str, validator, max_length=200, required=False) -> str:
        value = self.text(value, path, max_length, required)
        if value:
            try:
                validator(value)
            except ValidationError as error:
                self.error(path, " ".join(str(m) for m in error.messages))
                return ""
        return value

    def email(self, value, path: str) -> str:
        return self.checked(value, path, _email_check, 254)

    def url(self, value, path: str) -> str:
        return self.checked(value, path, _url_check)

    def phone(self, value, path: str) -> str:
        """A Dutch number; one from abroad is not shown (residents call Dutch numbers here),
        but kept, with a warning."""
        if isinstance(value, str):
            value = value.strip().strip("\"'").strip()  # '"+44 1234 234567"' in the examples
        if isinstance(value, str) and _FOREIGN_PHONE_RE.match(value) and not _dutch(value):
            self.warn(
                path,
                f"{_show(value)} is een nummer uit het buitenland. We tonen het niet; het blijft "
                "bewaard en gaat mee in de export.",
            )
            return ""
        return self.checked(value, path, validate_dutch_phone, 30)

    def age(self, value, path: str) -> int | None:
        number = self.number(value, path)
        if number is None:
            return None
        if number != int(number) or not 0 <= number <= AGE_MAX:
            self.error(path, f"Een leeftijd is een heel getal van 0 tot {AGE_MAX}.")
            return None
        return int(number)

    def number(self, value, path: str) -> float | None:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                value = None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.error(path, "Dit moet een getal zijn, met een punt: bijvoorbeeld 3.50 of 52.09.")
            return None
        return float(value)

    def time(self, value, path: str) -> datetime.time | None:
        match = _TIME_RE.match(value) if isinstance(value, str) else None
        if not match:
            self.error(path, f"{_show(value)} is geen tijd. Schrijf het zo: 09:30.")
            return None
        return datetime.time(*(int(part or 0) for part in match.groups()))

    def date(self, value, path: str) -> datetime.date | None:
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(path, f"{_show(value)} is geen datum. Schrijf het zo: 2026-12-31.")
        return None


def _dutch(value: str) -> bool:
    try:
        validate_dutch_phone(value)
    except ValidationError:
        return False
    return True


def language_code(value) -> str | None:
    """An ISO 639-1 code (``nl``) as it is, an ISO 639-3 code (``nld``) as the site's two
    letters where it names that language; None when it is no language code at all."""
    code = value.strip().lower() if isinstance(value, str) else ""
    if not _LANGUAGE_RE.match(code):
        return None
    return ISO_639_3.get(code, code)


def _email_check(value):
    EmailValidator(message="Dit is geen e-mailadres. Schrijf het zo: naam@voorbeeld.nl.")(value)


def _url_check(value):
    URLValidator(message="Dit is geen webadres. Schrijf het zo: https://www.voorbeeld.nl.")(value)


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False)[:40] if value is not None else "Niets"


# The file ---------------------------------------------------------------------------------


def service_list(data) -> tuple[str, list] | None:
    """The services of a file and the name of their list: ``{"services": [...]}``, a page
    of the HSDS API ``{"contents": [...]}``, a bare list, or one service object."""
    if isinstance(data, list):
        return "services", data
    if isinstance(data, dict):
        for name in ("services", "contents"):
            if isinstance(data.get(name), list):
                return name, data[name]
        if "id" in data or "name" in data:
            return "service", [data]
    return None


@dataclass
class Parsed:
    """One service of a file: its place in the file, and the service or why it is refused."""

    index: int
    path: str
    source_id: str
    name: str
    service: Service | None
    errors: list[HsdsError]


def parse_file(data, known: KnownCodes) -> list[Parsed]:
    """Every service of the file, each checked on its own; a second one with an id that is
    already in the file is refused. HsdsErrors only when the file holds no services at all."""
    found = service_list(data)
    if found is None:
        raise HsdsErrors([HsdsError(None, "services", _NOT_A_LIST)])
    list_name, raw_services = found
    parsed, seen = [], {}
    for index, raw in enumerate(raw_services):
        path = list_name if list_name == "service" else f"{list_name}[{index}]"
        errors: list[HsdsError] = []
        service = parse_service(raw, known, errors, path)
        source_id = service.source_id if service else _raw_id(raw)
        if service is not None and service.source_id in seen:
            errors.append(
                HsdsError(
                    service.source_id,
                    f"{path}.id",
                    f"Dit id staat al eerder in het bestand: {seen[service.source_id]}.",
                )
            )
            service = None
        if service is not None:
            seen[service.source_id] = path
        name = raw.get("name") if isinstance(raw, dict) else None
        name = name.strip() if isinstance(name, str) else ""
        parsed.append(Parsed(index, path, source_id, name, service, errors))
    return parsed


def _raw_id(raw) -> str:
    value = raw.get("id") if isinstance(raw, dict) else None
    return str(value).strip()[:120] if isinstance(value, str | int) and str(value).strip() else ""


def parse_services(data, known: KnownCodes) -> list[Service]:
    """Every service of the file; HsdsErrors with every problem of every service."""
    parsed = parse_file(data, known)
    errors = [error for item in parsed for error in item.errors]
    if errors:
        raise HsdsErrors(errors)
    return [item.service for item in parsed]


def parse_service(raw, known: KnownCodes, errors: list[HsdsError], path: str = "service"):
    """One service object -> Service, or None when it has errors (added to ``errors``)."""
    before = len(errors)
    if not isinstance(raw, dict):
        errors.append(HsdsError(None, path, "Dit moet een object met aanbod zijn, tussen { en }."))
        return None
    r = _Reader(errors, _NO_ID)
    r.warnings = warnings = []
    source_id = r.text(raw.get("id"), f"{path}.id", 120, required=True)
    r.service_id = source_id or _NO_ID
    title = r.text(raw.get("name"), f"{path}.name", 255, required=True)
    summary, body = _description(r, raw.get("description"), f"{path}.description")
    service = Service(source_id=source_id, title=title, summary=summary, body=body)
    service.raw, service.warnings = raw, warnings
    service.alternate_name = r.text(raw.get("alternate_name"), f"{path}.alternate_name", 255)
    service.fees_description = r.text(raw.get("fees_description"), f"{path}.fees_description")
    service.alert = r.text(raw.get("alert"), f"{path}.alert")
    service.minimum_age = r.age(raw.get("minimum_age"), f"{path}.minimum_age")
    service.maximum_age = r.age(raw.get("maximum_age"), f"{path}.maximum_age")
    if None not in (service.minimum_age, service.maximum_age) and (
        service.maximum_age < service.minimum_age
    ):
        r.error(f"{path}.maximum_age", "De hoogste leeftijd is lager dan de laagste.")
    service.required_documents = _documents(r, raw.get("required_documents"), path)

    service.website = r.url(raw.get("url"), f"{path}.url")
    service.email = r.email(raw.get("email"), f"{path}.email")
    service.status = _status(r, raw.get("status"), f"{path}.status")
    if raw.get("assured_date") not in (None, ""):
        service.last_verified = r.date(raw["assured_date"], f"{path}.assured_date")
    service.referral = r.text(raw.get("application_process"), f"{path}.application_process")
    service.eligibility = r.text(
        raw.get("eligibility_description"), f"{path}.eligibility_description"
    )
    service.phone = _first_phone(r, raw.get("phones"), f"{path}.phones")
    _contact(r, service, raw.get("contacts"), f"{path}.contacts")
    service.languages = _languages(r, raw.get("languages"), f"{path}.languages")
    _costs(r, service, raw.get("cost_options"), f"{path}.cost_options")
    service.schedules = _schedules(r, raw.get("schedules"), f"{path}.schedules")
    _locations(r, service, raw.get("service_at_locations"), f"{path}.service_at_locations")
    if raw.get("organization") is not None:
        service.organisation = _organisation(r, raw["organization"], f"{path}.organization")
    _attributes(r, service, raw.get("attributes"), f"{path}.attributes", known)
    return service if len(errors) == before else None


# Parts of a service ---------------------------------------------------------------------


def _description(r: _Reader, value, path: str) -> tuple[str, str]:
    """First paragraph -> summary (max 300 characters), the rest -> body paragraphs."""
    text = r.text(value, path, required=True).replace("\r\n", "\n")
    if not text:
        return "", ""
    summary, *rest = (p.strip() for p in _PARAGRAPH_RE.split(text) if p.strip())
    if len(summary) > SUMMARY_MAX:
        r.error(
            path,
            f"De eerste alinea is de samenvatting en is {len(summary)} tekens. Maak die "
            f"korter: hoogstens {SUMMARY_MAX} tekens. Zet een lege regel na de samenvatting.",
        )
    body = "".join(f"<p>{escape(' '.join(paragraph.split()))}</p>" for paragraph in rest)
    return summary, body


def _status(r: _Reader, value, path: str) -> str:
    text = r.text(value, path).lower()
    if not text:
        return "actief"
    if text not in STATUS_IN:
        r.error(
            path, f"{_show(value)} kennen we niet. Gebruik active, temporarily closed of inactive."
        )
        return "actief"
    return STATUS_IN[text]


def _first_phone(r: _Reader, value, path: str) -> str:
    phones = r.items(value, path)
    if not phones:
        return ""
    return r.phone(r.obj(phones[0], f"{path}[0]").get("number"), f"{path}[0].number")


def _contact(r: _Reader, service: Service, value, path: str) -> None:
    contacts = r.items(value, path)
    if not contacts:
        return
    contact = r.obj(contacts[0], f"{path}[0]")
    service.contact_name = r.text(contact.get("name"), f"{path}[0].name", 100)
    service.contact_role = r.text(contact.get("title"), f"{path}[0].title", 100)
    service.contact_email = r.email(contact.get("email"), f"{path}[0].email")
    service.contact_phone = _first_phone(r, contact.get("phones"), f"{path}[0].phones")


def _languages(r: _Reader, value, path: str) -> list[str]:
    """ISO 639-1 codes as they are; ISO 639-3 codes as the site's two letters where it knows
    the language, else not shown (kept, with a warning)."""
    codes = []
    for index, item in enumerate(r.items(value, path)):
        code_path = f"{path}[{index}].code"
        text = r.text(r.obj(item, f"{path}[{index}]").get("code"), code_path)
        code = language_code(text)
        if code is None:
            r.error(
                code_path,
                "Gebruik een taalcode van twee of drie letters (ISO 639-1 of 639-3), "
                "bijvoorbeeld nl, en, ar of nld.",
            )
        elif len(code) == 3 and code not in known_languages():
            r.warn(
                code_path,
                f"{_show(text)} is een taal die we niet kennen. We tonen die niet; hij blijft "
                "bewaard en gaat mee in de export.",
            )
        elif code not in codes:
            codes.append(code)
    return codes


def _documents(r: _Reader, value, path: str) -> str:
    """required_documents -> one document a line."""
    lines = []
    for index, item in enumerate(r.items(value, f"{path}.required_documents")):
        item_path = f"{path}.required_documents[{index}]"
        document = r.text(r.obj(item, item_path).get("document"), f"{item_path}.document")
        lines.append(" ".join(document.split()))
    return "\n".join(line for line in lines if line)


def _costs(r: _Reader, service: Service, value, path: str) -> None:
    """The first euro amount above 0 is the price. Free: an amount of 0 or the option
    "Gratis". Options, none of them free and none with a euro amount (only a text, or an amount
    in another currency): it costs money, the texts say what. No options: free."""
    notes, free, paid = [], False, False
    for index, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{index}]"
        option = r.obj(item, item_path)
        text = r.text(option.get("option"), f"{item_path}.option")
        if text and text.lower() != FREE_OPTION:
            notes.append(text)
        free = free or text.lower() == FREE_OPTION
        currency = r.text(option.get("currency"), f"{item_path}.currency").upper()
        amount = r.number(option.get("amount"), f"{item_path}.amount")
        if amount is None:
            paid = paid or bool(text) and text.lower() != FREE_OPTION
            continue
        if currency and currency != "EUR" and amount > 0:
            r.warn(
                f"{item_path}.currency",
                f"Het bedrag is in {currency}, niet in euro. We tonen alleen dat het geld kost; "
                "het bedrag blijft bewaard en gaat mee in de export.",
            )
            paid = True
            if not text:
                notes.append(f"{amount:g} {currency}")
        elif amount < 0 or amount >= 100_000:
            r.error(f"{item_path}.amount", "Het bedrag moet tussen 0 en 100.000 euro liggen.")
        elif amount > 0 and service.cost_amount is None:
            service.cost = "bedrag"
            service.cost_amount = Decimal(str(amount)).quantize(Decimal("0.01"))
        free = free or amount == 0
    if paid and not free:
        service.cost = "bedrag"
    service.cost_note = "; ".join(notes)
    if len(service.cost_note) > 200:
        r.error(path, "De teksten bij de kosten zijn samen te lang: hoogstens 200 tekens.")


def _schedules(r: _Reader, value, path: str) -> list[Schedule]:
    """A repeating schedule gives one row per day in ``byday`` (or ``bymonthday``); one
    without freq is one date."""
    rows = []
    for index, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{index}]"
        schedule = r.obj(item, item_path)
        opens = r.time(schedule.get("opens_at"), f"{item_path}.opens_at")
        closes = r.time(schedule.get("closes_at"), f"{item_path}.closes_at")
        note = r.text(schedule.get("description"), f"{item_path}.description", 200)
        if opens and closes and opens == closes:
            r.error(f"{item_path}.closes_at", "De eindtijd is gelijk aan de begintijd.")
        base = Schedule(None, None, opens, closes, bool(opens and closes and closes < opens), note)
        base.skip_dates, other_notes = _skip_dates(r, schedule.get("notes"), f"{item_path}.notes")
        joined = " ".join(filter(None, [note, other_notes]))
        if other_notes and len(joined) <= NOTE_MAX:
            base.note = joined
        elif other_notes:
            r.warn(
                f"{item_path}.notes",
                f"Samen met de beschrijving is dit langer dan {NOTE_MAX} tekens. We tonen het "
                "niet; het blijft bewaard en gaat mee in de export.",
            )
        for name in _NARROWING:
            if schedule.get(name) not in (None, ""):
                r.warn(
                    f"{item_path}.{name}",
                    f"{name} kunnen we niet tonen: de site laat deze tijd zien zonder die "
                    "beperking. Het blijft bewaard en gaat mee in de export.",
                )
        freq = r.text(schedule.get("freq"), f"{item_path}.freq").upper()
        if freq in ("WEEKLY", "MONTHLY"):
            _period(r, base, schedule, item_path)
            rows.extend(_repeating(r, base, freq, schedule, item_path))
        elif freq:
            r.error(
                f"{item_path}.freq",
                f"{_show(freq)} kennen we niet. Gebruik WEEKLY of MONTHLY, of alleen een "
                "datum in dtstart.",
            )
        elif schedule.get("dtstart") in (None, ""):
            r.error(
                item_path,
                "Geef freq WEEKLY of MONTHLY met byday (elke week of maand), of een datum in "
                "dtstart (één keer).",
            )
        else:
            base.date = r.date(str(schedule.get("dtstart"))[:10], f"{item_path}.dtstart")
            rows.append(base)
    return rows


def _period(r: _Reader, base: Schedule, schedule: dict, path: str) -> None:
    """The first and last date: the later of dtstart and valid_from, the earlier of until and
    valid_to (both may be date-times; the date counts)."""
    firsts = [
        r.date(str(schedule[name])[:10], f"{path}.{name}")
        for name in ("dtstart", "valid_from")
        if schedule.get(name) not in (None, "")
    ]
    lasts = [
        r.date(str(schedule[name])[:10], f"{path}.{name}")
        for name in ("until", "valid_to")
        if schedule.get(name) not in (None, "")
    ]
    base.valid_from = max(filter(None, firsts), default=None)
    base.valid_until = min(filter(None, lasts), default=None)
    if base.valid_from and base.valid_until and base.valid_until < base.valid_from:
        r.error(f"{path}.until", "De laatste keer is eerder dan de eerste keer.")


def _repeating(r: _Reader, base: Schedule, freq: str, schedule: dict, path: str) -> list:
    interval = r.number(schedule.get("interval"), f"{path}.interval") or 1
    if freq == "MONTHLY":
        if interval != 1:
            r.error(f"{path}.interval", "Eén keer per maand kennen we; om de paar maanden niet.")
        if schedule.get("bymonthday") not in (None, ""):
            return [
                dataclasses.replace(base, repeat=Repeat.MONTH_DAY, month_day=day)
                for day in _month_days(r, schedule.get("bymonthday"), f"{path}.bymonthday")
            ]
    elif interval not in EVERY_WEEKS:
        r.error(f"{path}.interval", "Gebruik een interval van 1 tot 4 weken.")
    elif interval > 1 and base.valid_from is None:
        r.error(f"{path}.dtstart", "Geef de eerste keer (dtstart). Dan weten we welke weken.")
    rows = []
    for nth, day in _days(r, schedule.get("byday"), f"{path}.byday", monthly=freq == "MONTHLY"):
        repeat = NTH_WEEKDAY.get(nth) if freq == "MONTHLY" else EVERY_WEEKS.get(int(interval))
        rows.append(dataclasses.replace(base, weekday=day, repeat=repeat or Repeat.WEEK))
    return rows


def _days(r: _Reader, value, path: str, monthly: bool = False) -> list[tuple[int | None, int]]:
    """byday -> [(ordinal, weekday)]; an ordinal (3TH, -1FR) only, and always, when monthly."""
    text = r.text(value, path, required=True)
    days = []
    for part in (p.strip().upper() for p in text.split(",") if p.strip()):
        match = _BYDAY_RE.match(part)
        nth = int(match.group(1)) if match and match.group(1) else None
        if not match:
            r.error(path, f"{_show(part)} is geen dag. Gebruik MO, TU, WE, TH, FR, SA of SU.")
        elif monthly and nth not in NTH_WEEKDAY:
            r.error(
                path,
                f"{_show(part)}: zet er bij MONTHLY 1, 2, 3, 4 of -1 voor, bijvoorbeeld 3TH "
                "(de derde donderdag) of -1FR (de laatste vrijdag).",
            )
        elif not monthly and nth is not None:
            r.error(path, f"{_show(part)}: een getal voor de dag past alleen bij MONTHLY.")
        elif (nth, DAYS.index(match.group(2))) not in days:
            days.append((nth, DAYS.index(match.group(2))))
    return days


def _month_days(r: _Reader, value, path: str) -> list[int]:
    days = []
    for part in (p.strip() for p in str(value).split(",") if p.strip()):
        if not part.isdigit() or not 1 <= int(part) <= 31:
            r.error(path, f"{_show(part)} is geen dag van de maand. Gebruik 1 tot en met 31.")
        elif int(part) not in days:
            days.append(int(part))
    return days


def _skip_dates(r: _Reader, value, path: str) -> tuple[list[str], str]:
    """``notes`` -> (the dates after "Niet op: ", the other text)."""
    text = r.text(value, path)
    if not text.startswith(SKIP_PREFIX):
        return [], text
    listed, _dot, rest = text[len(SKIP_PREFIX) :].partition(".")
    days = sorted(
        {
            day.isoformat()
            for part in listed.split(",")
            if part.strip() and (day := r.date(part.strip(), path))
        }
    )
    return days, rest.strip()


def _locations(r: _Reader, service: Service, value, path: str) -> None:
    for index, item in enumerate(r.items(value, path)):
        location_path = f"{path}[{index}].location"
        location = r.obj(r.obj(item, f"{path}[{index}]").get("location"), location_path)
        if not location:
            r.error(location_path, "De plek ontbreekt.")
            continue
        if not _shown_here(r, location, location_path):
            continue
        service.locations.append(_location(r, location, location_path))
        a_path = f"{location_path}.accessibility"
        for a_index, entry in enumerate(r.items(location.get("accessibility"), a_path)):
            entry_path = f"{a_path}[{a_index}]"
            entry = r.obj(entry, entry_path)
            code = r.text(entry.get("details"), f"{entry_path}.details").lower()
            note = r.text(entry.get("description"), f"{entry_path}.description", 200)
            if code in ACCESSIBILITY:  # other details are free text in HSDS: ignored
                service.accessibility.setdefault(ACCESSIBILITY[code], note)


def _shown_here(r: _Reader, location: dict, path: str) -> bool:
    """A place online, or abroad (an address with a country other than NL), is not one the
    site can show on its map of Utrecht: kept, with a warning."""
    kind = location.get("location_type")
    addresses = location.get("addresses")
    first = addresses[0] if isinstance(addresses, list) and addresses else {}
    country = first.get("country") if isinstance(first, dict) else None
    if kind == "virtual":
        r.warn(
            f"{path}.location_type",
            "Dit is een plek online. We tonen die niet bij 'Waar'; hij blijft bewaard en gaat "
            "mee in de export. Zet een webadres in url als mensen online kunnen meedoen.",
        )
        return False
    if isinstance(country, str) and country.strip() and country.strip().upper() != "NL":
        r.warn(
            f"{path}.addresses[0].country",
            f"Deze plek ligt niet in Nederland ({_show(country)}). We tonen hem niet; hij "
            "blijft bewaard en gaat mee in de export.",
        )
        return False
    return True


def _location(r: _Reader, location: dict, path: str) -> Location:
    addresses = r.items(location.get("addresses"), f"{path}.addresses")
    address = r.obj(addresses[0], f"{path}.addresses[0]") if addresses else {}
    a_path = f"{path}.addresses[0]"
    if not addresses:
        r.error(f"{path}.addresses", "Het adres ontbreekt. Geef straat, huisnummer en postcode.")
    postcode = r.checked(
        address.get("postal_code"), f"{a_path}.postal_code", validate_postcode, 10, bool(addresses)
    )
    latitude = r.number(location.get("latitude"), f"{path}.latitude")
    longitude = r.number(location.get("longitude"), f"{path}.longitude")
    if latitude is not None and not -90 <= latitude <= 90:
        r.error(f"{path}.latitude", "De breedtegraad moet tussen -90 en 90 liggen.")
    if longitude is not None and not -180 <= longitude <= 180:
        r.error(f"{path}.longitude", "De lengtegraad moet tussen -180 en 180 liggen.")
    if (location.get("latitude") in (None, "")) != (location.get("longitude") in (None, "")):
        r.error(path, "Geef de breedtegraad en de lengtegraad allebei, of allebei niet.")
    return Location(
        source_id=r.text(location.get("id"), f"{path}.id", 120),
        name=r.text(location.get("name"), f"{path}.name", 200),
        address=r.text(address.get("address_1"), f"{a_path}.address_1", 200, bool(addresses)),
        postcode=format_postcode(postcode) if postcode else "",
        city=r.text(address.get("city"), f"{a_path}.city", 100) or "Utrecht",
        latitude=latitude,
        longitude=longitude,
    )


def _organisation(r: _Reader, value, path: str) -> Organisation | None:
    organisation = r.obj(value, path)
    if not organisation:
        return None
    terms = _terms(r, organisation.get("attributes"), f"{path}.attributes")
    kinds = terms.get(TAX_ORGANISATION_KIND, [])
    kind = _single(r, kinds, ORGANISATION_KINDS, "bewonersinitiatief", f"{path}.attributes")
    return Organisation(
        source_id=r.text(organisation.get("id"), f"{path}.id", 120, required=True),
        name=r.text(organisation.get("name"), f"{path}.name", 200, required=True),
        kind=kind,
        description=r.text(organisation.get("description"), f"{path}.description"),
        website=r.url(organisation.get("website"), f"{path}.website"),
        email=r.email(organisation.get("email"), f"{path}.email"),
        phone=_first_phone(r, organisation.get("phones"), f"{path}.phones"),
    )


def _terms(r: _Reader, value, path: str) -> dict[str, list[tuple[str, str, str]]]:
    """attributes -> {taxonomy: [(code, value, path)]}, for every taxonomy."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for index, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{index}]"
        attribute = r.obj(item, item_path)
        term = r.obj(attribute.get("taxonomy_term"), f"{item_path}.taxonomy_term")
        taxonomy = r.text(term.get("taxonomy"), f"{item_path}.taxonomy_term.taxonomy")
        if not taxonomy.startswith("buurtwijzer-"):
            continue  # someone else's taxonomy: not ours to check
        code = r.text(term.get("code"), f"{item_path}.taxonomy_term.code", required=True)
        note = r.text(attribute.get("value"), f"{item_path}.value")
        found.setdefault(taxonomy, []).append((code, note, f"{item_path}.taxonomy_term.code"))
    return found


def _codes(r: _Reader, terms, known, what: str) -> list[str]:
    codes = set()
    for code, _note, path in terms:
        if code not in known:
            r.error(path, f"{_show(code)} is geen {what} die we kennen.")
        else:
            codes.add(code)
    return sorted(codes)


def _single(r: _Reader, terms, known, default: str, path: str) -> str:
    if len(terms) > 1:
        r.error(path, f"Geef hier één code, niet {len(terms)}.")
    if not terms:
        return default
    code, _note, code_path = terms[0]
    if code not in known:
        r.error(code_path, f"{_show(code)} kennen we niet. Kies uit: {', '.join(known)}.")
        return default
    return code


def _attributes(r: _Reader, service: Service, value, path: str, known: KnownCodes) -> None:
    terms = _terms(r, value, path)
    service.needs = _codes(r, terms.get(TAX_NEED, []), known.needs, "hulpvraag")
    if not terms.get(TAX_NEED):
        r.warn(
            path,
            f"Er is geen hulpvraag (taxonomy {TAX_NEED}). Het aanbod is wel te vinden met "
            "zoeken en in de buurt, maar niet bij een hulpvraag. Kies er een in de "
            "beheeromgeving.",
        )
    service.target_groups = _codes(
        r, terms.get(TAX_TARGET_GROUP, []), known.target_groups, "doelgroep"
    )
    service.also_serves = _codes(r, terms.get(TAX_BUURT, []), known.buurten, "CBS-buurtcode")
    service.kind = _single(r, terms.get(TAX_KIND, []), KINDS, "activiteit", path)
    registration = terms.get(TAX_REGISTRATION, [])
    service.registration = _single(r, registration, REGISTRATIONS, "", path)
    if registration:
        service.registration_note = registration[0][1]
