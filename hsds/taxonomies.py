"""The site's own taxonomies, published at ``/taxonomies`` and ``/taxonomy_terms``.

Each need, target group, kind of offer, way to register, buurt and kind of organisation is a
taxonomy term with a stable id (derived from its taxonomy and its fixed code, see
``hsds.ids``), its code, name and a description.
"""

from django.utils.translation import gettext_lazy as _

from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie
from buurten.models import BuurtPage

from . import ids
from .parse import (
    TAX_BUURT,
    TAX_KIND,
    TAX_NEED,
    TAX_ORGANISATION_KIND,
    TAX_REGISTRATION,
    TAX_TARGET_GROUP,
)

DESCRIPTIONS = {
    TAX_NEED: _("Waar een bewoner hulp bij zoekt of wat hij of zij wil doen (hulpvraag)."),
    TAX_TARGET_GROUP: _("Voor wie het aanbod vooral bedoeld is (doelgroep)."),
    TAX_KIND: _("Wat voor aanbod het is: een ontmoetingsplek, activiteit, hulp en meer."),
    TAX_REGISTRATION: _("Hoe iemand meedoet: gewoon binnenlopen, aanmelden of via verwijzing."),
    TAX_BUURT: _("De buurten van Utrecht (CBS-buurtcodes 2024) die een aanbod ook bedient."),
    TAX_ORGANISATION_KIND: _("Wat voor organisatie het aanbod geeft."),
}


def taxonomy(name: str) -> dict:
    return {
        "id": ids.taxonomy_id(name),
        "name": name,
        "description": str(DESCRIPTIONS[name]),
        "version": "1",
    }


def all_taxonomies() -> list[dict]:
    return [taxonomy(name) for name in DESCRIPTIONS]


def taxonomy_term(taxonomy_name: str, code: str, name, description) -> dict:
    return {
        "id": ids.term_id(taxonomy_name, code),
        "code": code,
        "name": str(name),
        "description": str(description or name),
        "taxonomy": taxonomy_name,
        "taxonomy_id": ids.taxonomy_id(taxonomy_name),
    }


def need_term(need: Hulpvraag) -> dict:
    return taxonomy_term(TAX_NEED, need.code, need.label, need.description or need.phrasing)


def target_group_term(group: Doelgroep) -> dict:
    return taxonomy_term(TAX_TARGET_GROUP, group.code, group.label, group.description)


def buurt_term(buurt: BuurtPage) -> dict:
    return taxonomy_term(
        TAX_BUURT, buurt.cbs_code, buurt.title, f"{buurt.title} ({buurt.cbs_code})"
    )


def _choice_terms(taxonomy_name: str, choices) -> list[dict]:
    return [taxonomy_term(taxonomy_name, code, label, label) for code, label in choices]


def all_terms() -> list[dict]:
    """Every term, taxonomy by taxonomy, each in its own order."""
    return [
        *(need_term(need) for need in Hulpvraag.objects.all()),
        *(target_group_term(group) for group in Doelgroep.objects.all()),
        *_choice_terms(TAX_KIND, AanbodPage.Kind.choices),
        *_choice_terms(TAX_REGISTRATION, AanbodPage.Registration.choices),
        *(buurt_term(buurt) for buurt in BuurtPage.objects.order_by("cbs_code")),
        *_choice_terms(TAX_ORGANISATION_KIND, Organisatie.Kind.choices),
    ]


def offers_with_term(offers, term: dict):
    """The offers that carry ``term`` (a dict from ``all_terms``)."""
    code = term["code"]
    lookup = {
        TAX_NEED: {"needs__code": code},
        TAX_TARGET_GROUP: {"target_groups__code": code},
        TAX_KIND: {"kind": code},
        TAX_REGISTRATION: {"registration": code},
        TAX_BUURT: {"also_serves__cbs_code": code},
        TAX_ORGANISATION_KIND: {"organisatie__kind": code},
    }[term["taxonomy"]]
    return offers.filter(**lookup).distinct()


def offers_in_taxonomy(offers, name: str):
    """The offers that carry any term of taxonomy ``name``."""
    lookup = {
        TAX_NEED: {"needs__isnull": False},
        TAX_TARGET_GROUP: {"target_groups__isnull": False},
        TAX_KIND: {},
        TAX_REGISTRATION: {"registration__in": AanbodPage.Registration.values},
        TAX_BUURT: {"also_serves__isnull": False},
        TAX_ORGANISATION_KIND: {"organisatie__isnull": False},
    }[name]
    return offers.filter(**lookup).distinct()
