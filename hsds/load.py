"""Write parsed services to the database: all or nothing, or only the valid ones.

Every service gets a report (``ServiceReport``): new, updated, unchanged or refused, the
warnings of what the site could not show, and per field what happened (``hsds.extra``). What
the partner sent that the page does not model is kept in ``AanbodPage.hsds_extra``.

An offer is matched on its id (``source_id``) and updated in place, so its URL and history
stay. Ids the site made up itself (``buurtwijzer-<page id>``) find the offer they came from.
It is placed under the buurt of its first place, or under Heel Utrecht when it has no place
in a buurt, and moved when that changes. Its times and places are replaced. Each new or
changed offer gets a published revision, so it is live and in the search index at once; an
offer whose content is the same as in the file is left alone (no new revision).
"""

import dataclasses
import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Page

from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Plek, Tijdstip
from buurten.models import BuurtPage, StedelijkPage
from utrecht.postcode import buurt_for_place

from . import extra
from .dump import dump_service, own_service, with_related
from .ids import from_source_id, parse_uuid
from .parse import (
    ACCESSIBILITY,
    HsdsError,
    HsdsErrors,
    KnownCodes,
    Parsed,
    Service,
    parse_file,
    parse_service,
    service_list,
)

# Service attributes copied one to one onto the page.
PAGE_FIELDS = (
    "title",
    "summary",
    "body",
    "status",
    "website",
    "email",
    "phone",
    "referral",
    "eligibility",
    "registration",
    "registration_note",
    "contact_name",
    "contact_role",
    "contact_phone",
    "contact_email",
    "languages",
    "cost",
    "cost_amount",
    "cost_note",
    "kind",
    "alternate_name",
    "fees_description",
    "alert",
    "minimum_age",
    "maximum_age",
    "required_documents",
)
ORGANISATION_FIELDS = ("name", "kind", "description", "website", "email", "phone")


CREATED, UPDATED, UNCHANGED, REFUSED = "nieuw", "bijgewerkt", "ongewijzigd", "geweigerd"
NOT_LOADED = "niet ingelezen"  # fine, but the file was refused as a whole


@dataclasses.dataclass
class ServiceReport:
    """What happened to one service of the file, and to each of its fields."""

    path: str  # services[3]
    source_id: str
    name: str
    outcome: str  # CREATED, UPDATED, UNCHANGED or REFUSED
    errors: list[HsdsError] = dataclasses.field(default_factory=list)
    warnings: list[HsdsError] = dataclasses.field(default_factory=list)
    fields: list[extra.FieldOutcome] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    services: list[ServiceReport] = dataclasses.field(default_factory=list)

    def add(self, report: ServiceReport) -> None:
        self.services.append(report)
        counts = {CREATED: "created", UPDATED: "updated", UNCHANGED: "unchanged"}
        attribute = counts.get(report.outcome, "refused" if report.outcome == REFUSED else "")
        if attribute:
            setattr(self, attribute, getattr(self, attribute) + 1)


class ImportRefused(HsdsErrors):
    """All or nothing, and a service has errors: nothing changed. ``result`` says per
    service what is wrong (and what would have been fine)."""

    def __init__(self, errors: list[HsdsError], result: LoadResult):
        super().__init__(errors)
        self.result = result


def max_file_bytes() -> int:
    return getattr(settings, "BUURTWIJZER_HSDS_MAX_BYTES", 50 * 1024 * 1024)


# What one file may hold, so a hostile file cannot take all memory: 50 MB of "{}," is 16
# million objects, which as Python dicts (and an error for each) needs tens of gigabytes.
MAX_PARTS = 2_000_000  # objects and lists; a full HSDS service has about 50
MAX_SERVICES = 20_000


def read_json(path) -> object:
    """The file's JSON; HsdsErrors (naming line and column) when it cannot be read.

    The number of objects and lists is bounded before parsing, by counting "{" and "[" (an
    upper bound: the characters may also stand in a text), so memory stays about the size of
    the file."""
    try:
        size = Path(path).stat().st_size
        if size > max_file_bytes():
            raise _file_error(
                f"Het bestand is te groot ({filesizeformat(size)}). Het mag hoogstens "
                f"{filesizeformat(max_file_bytes())} zijn. Verdeel het over meer bestanden."
            )
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _file_error(f"Het bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise _file_error("Het bestand is geen tekst in UTF-8. Sla het op als UTF-8.") from None
    except OSError as error:
        raise _file_error(
            f"Het bestand {path} kan niet worden gelezen: {error.strerror}."
        ) from None
    parts = text.count("{") + text.count("[")
    if parts > MAX_PARTS:
        raise _file_error(
            f"Het bestand heeft te veel onderdelen: {parts:,} objecten en lijsten ({{ en [), "
            f"hoogstens {MAX_PARTS:,}. Verdeel het over meer bestanden.".replace(",", ".")
        )
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise _file_error(
            "Het bestand is te diep genest (lijsten in lijsten). Dit is geen HSDS-bestand."
        ) from None
    except ValueError as error:
        if not isinstance(error, json.JSONDecodeError):
            raise _file_error(str(error)) from None
        where = f"regel {error.lineno}, teken {error.colno}"
        raise HsdsErrors(
            [HsdsError(None, where, f"Dit is geen geldige JSON ({error.msg}).")]
        ) from None
    services = (service_list(data) or ("", None))[1]
    if isinstance(services, list) and len(services) > MAX_SERVICES:
        raise _file_error(
            f"Het bestand heeft {len(services):,} diensten; hoogstens {MAX_SERVICES:,} per "
            "bestand. Verdeel het over meer bestanden.".replace(",", ".")
        )
    return data


def _no_constant(name: str):
    raise ValueError(f"Het bestand bevat {name}; dat is geen getal in JSON.")


def _file_error(message: str) -> HsdsErrors:
    return HsdsErrors([HsdsError(None, "(bestand)", message)])


def import_file(path, *, is_demo: bool | None = None, valid_only: bool = False) -> LoadResult:
    """Read, check and load one file.

    All or nothing (the default): a service with an error refuses the file, ImportRefused is
    raised and nothing has changed. ``valid_only``: the valid services are loaded, the others
    are refused, each with its reasons in the result."""
    data = read_json(path)
    parsed = parse_file(data, KnownCodes.from_database())
    refused = [item for item in parsed if item.service is None]
    if refused and not valid_only:
        result = LoadResult()
        for item in parsed:
            result.add(_report(item, REFUSED if item.service is None else NOT_LOADED))
        raise ImportRefused([error for item in refused for error in item.errors], result)
    with transaction.atomic():
        result = load_services([item.service for item in parsed if item.service], is_demo=is_demo)
    loaded = iter(result.services)
    result.services = []
    for item in parsed:
        report = _report(item, REFUSED) if item.service is None else next(loaded)
        report.path = item.path  # its place in the file, also when others were refused
        result.services.append(report)
    result.refused = len(refused)
    return result


def _report(item: Parsed, outcome: str) -> ServiceReport:
    return ServiceReport(
        item.path,
        item.source_id,
        item.name,
        outcome,
        errors=item.errors,
        warnings=item.service.warnings if item.service else [],
    )


@dataclasses.dataclass
class _Site:
    """What an import refers to, each read once."""

    stedelijk: StedelijkPage
    buurten: dict[str, BuurtPage]
    needs: dict[str, Hulpvraag]
    target_groups: dict[str, Doelgroep]
    known: KnownCodes

    @classmethod
    def load(cls) -> "_Site":
        stedelijk = StedelijkPage.objects.first()
        if stedelijk is None:
            raise _file_error(
                "De site is nog niet klaargezet. Draai eerst: python manage.py setup_site"
            )
        return cls(
            stedelijk,
            {page.cbs_code: page for page in BuurtPage.objects.all()},
            {need.code: need for need in Hulpvraag.objects.all()},
            {group.code: group for group in Doelgroep.objects.all()},
            KnownCodes.from_database(),
        )

    def parent_for(self, service: Service) -> Page:
        if service.locations:
            first = service.locations[0]
            buurt = buurt_for_place(first.postcode, first.latitude, first.longitude)
            if buurt is not None and buurt.code in self.buurten:
                return self.buurten[buurt.code]
        return self.stedelijk


def load_services(services: list[Service], *, is_demo: bool | None = None) -> LoadResult:
    """Create or update every service in one transaction. ``is_demo`` True/False marks them.
    HSDS text is Dutch: it goes into the Dutch columns, whatever the editor's admin language."""
    result = LoadResult()
    errors: list[HsdsError] = []
    with translation.override("nl"), transaction.atomic():
        site = _Site.load()
        ids = [service.source_id for service in services]
        existing = _match(with_related(AanbodPage.objects.all()), ids, "translation_key")
        organisations = _save_organisations(services)
        for index, service in enumerate(services):
            page = existing.get(service.source_id)
            parent = site.parent_for(service)
            try:
                if page is None:
                    page, outcome = _create(service, parent, site, organisations, is_demo), CREATED
                elif _unchanged(page, service, parent, site, is_demo):
                    outcome = UNCHANGED
                else:
                    page = _update(page, service, parent, site, organisations, is_demo)
                    outcome = UPDATED
            except ValidationError as error:  # parse should have caught it; still, say so
                errors.extend(_validation_errors(service.source_id, f"services[{index}]", error))
                continue
            report = ServiceReport(
                f"services[{index}]",
                service.source_id,
                service.title,
                outcome,
                warnings=service.warnings,
            )
            if service.raw is not None:
                report.fields = extra.outcomes(service.raw, own_service(page))
            result.add(report)
        if errors:
            raise HsdsErrors(errors)
    return result


def _match(queryset, ids: list[str], id_field: str) -> dict:
    """Objects by source_id; an id the site exported itself (its UUID in ``id_field``) also
    finds the object it came from."""
    found = {obj.source_id: obj for obj in queryset.filter(source_id__in=ids)}
    own = {uuid: source_id for source_id in ids if (uuid := parse_uuid(source_id))}
    for obj in queryset.filter(**{f"{id_field}__in": own}):
        found.setdefault(own[getattr(obj, id_field)], obj)
    return found


def _save_organisations(services: list[Service]) -> dict[str, Organisatie]:
    """Create or update each organisation once; the last service that names it wins."""
    wanted = {s.organisation.source_id: s.organisation for s in services if s.organisation}
    found = _match(Organisatie.objects.all(), list(wanted), "hsds_id")
    result = {}
    for source_id, organisation in wanted.items():
        obj = found.get(source_id) or Organisatie(
            source_id=source_id, hsds_id=from_source_id(source_id)
        )
        values = {name: getattr(organisation, name) for name in ORGANISATION_FIELDS}
        if obj.pk is None or any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            try:
                obj.full_clean(validate_unique=False)
            except ValidationError as error:  # parse should have caught it
                raise HsdsErrors(_validation_errors(source_id, "organization", error)) from None
            obj.save()
        result[source_id] = obj
    return result


def _unchanged(page: AanbodPage, service: Service, parent, site: _Site, is_demo) -> bool:
    """Live, in the right place, and the file says what the page already says."""
    if not page.live or page.has_unpublished_changes or page.path[: -page.steplen] != parent.path:
        return False
    if is_demo is not None and page.is_demo != is_demo:
        return False
    current = parse_service(dump_service(page), site.known, [])
    if current is None:
        return False
    wanted = dataclasses.replace(
        service, last_verified=service.last_verified or current.last_verified
    )
    if _exported_ids(current, wanted) != _exported_ids(wanted, wanted):
        return False
    return (page.hsds_extra or {}) == _kept(service, page)


def _kept(service: Service, page: AanbodPage) -> dict:
    """``hsds_extra``: what the partner sent that the page's own export does not hold."""
    if service.raw is None:
        return {}
    kept = extra.keep(service.raw, own_service(page))
    return {"kept": kept} if kept else {}


def _exported_ids(service: Service, file: Service) -> Service:
    """The ids as the export writes them (UUIDs, ``hsds.ids``), so a file's own ids compare
    equal to the export of what it made; a place the file gives no id compares without one."""
    locations = [
        dataclasses.replace(
            location, source_id=str(from_source_id(location.source_id)) if given.source_id else ""
        )
        for location, given in zip(service.locations, file.locations, strict=False)
    ]
    organisation = service.organisation and dataclasses.replace(
        service.organisation, source_id=str(from_source_id(service.organisation.source_id))
    )
    return dataclasses.replace(
        service,
        source_id=str(from_source_id(service.source_id)),
        locations=locations + service.locations[len(locations) :],
        organisation=organisation,
    )


def _free_slug(parent: Page, base: str, exclude_pk=None) -> str:
    taken = set(Page.objects.child_of(parent).exclude(pk=exclude_pk).values_list("slug", flat=True))
    base = base[:240] or "aanbod"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _create(service, parent, site, organisations, is_demo) -> None:
    page = AanbodPage(
        slug=_free_slug(parent, slugify(service.title)),
        source_id=service.source_id,
        translation_key=from_source_id(service.source_id),
        is_demo=bool(is_demo),
    )
    _apply(page, service, site, organisations)
    parent.add_child(instance=page)
    page.hsds_extra = _kept(service, page)
    page.save_revision().publish()
    return page


def _update(page, service, parent, site, organisations, is_demo) -> None:
    if page.path[: -page.steplen] != parent.path:
        slug = _free_slug(parent, page.slug, exclude_pk=page.pk)
        if slug != page.slug:  # another offer there has this address already
            Page.objects.filter(pk=page.pk).update(slug=slug)
        page.move(parent, pos="last-child")
    page = AanbodPage.objects.get(pk=page.pk)  # fresh: tree fields and no prefetched children
    if page.source_id is None and parse_uuid(service.source_id) != page.translation_key:
        page.source_id = service.source_id
    if is_demo is not None:
        page.is_demo = is_demo
    _apply(page, service, site, organisations)
    page.save()  # the places get their ids, which the export of what was kept refers to
    page.hsds_extra = _kept(service, page)
    page.save_revision().publish()
    return page


def _apply(page: AanbodPage, service: Service, site: _Site, organisations) -> None:
    for name in PAGE_FIELDS:
        setattr(page, name, getattr(service, name))
    if service.last_verified or page.pk is None:
        page.last_verified = service.last_verified or timezone.localdate()
    for name in ACCESSIBILITY.values():
        setattr(page, name, name in service.accessibility)
        setattr(page, f"{name}_note", service.accessibility.get(name, ""))
    page.organisatie = (
        organisations[service.organisation.source_id] if service.organisation else None
    )
    page.needs.set([site.needs[code] for code in service.needs])
    page.target_groups.set([site.target_groups[code] for code in service.target_groups])
    page.also_serves.set([site.buurten[code] for code in service.also_serves])
    page.tijden = [
        Tijdstip(sort_order=order, **dataclasses.asdict(schedule))
        for order, schedule in enumerate(service.schedules)
    ]
    page.plekken = [
        Plek(sort_order=order, **dataclasses.asdict(location))
        for order, location in enumerate(service.locations)
    ]


def _validation_errors(source_id: str, path: str, error: ValidationError) -> list[HsdsError]:
    messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    return [
        HsdsError(source_id, f"{path} ({field})" if field else path, " ".join(map(str, texts)))
        for field, texts in messages.items()
    ]
