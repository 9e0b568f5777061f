"""Test data: offers made the way an editor makes them (a page under a buurt, published)."""

import datetime
import itertools

from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Plek, Tijdstip
from buurten.models import BuurtPage, StedelijkPage

_counter = itertools.count(1)


def make_offer(
    parent=None,
    *,
    needs=("ontmoeting",),
    groups=("iedereen",),
    tijden=(),
    plekken=(),
    publish=True,
    **fields,
) -> AanbodPage:
    n = next(_counter)
    parent = parent or BuurtPage.objects.get(title="Oog in Al")
    if parent == "stad":
        parent = StedelijkPage.objects.get()
    fields.setdefault("title", f"Koffie-ochtend {n}")
    fields.setdefault("slug", f"aanbod-{n}")
    fields.setdefault("summary", "Elke week koffie drinken met buren. Iedereen is welkom.")
    fields.setdefault("last_verified", datetime.date(2026, 11, 1))
    page = AanbodPage(**fields)
    page.needs = list(Hulpvraag.objects.filter(code__in=needs))
    page.target_groups = list(Doelgroep.objects.filter(code__in=groups))
    page.tijden = [Tijdstip(**t) for t in tijden]
    page.plekken = [Plek(**p) for p in plekken]
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish() if page.live else None
    return page


def dutch_form_data(model, data: dict) -> dict:
    """Admin form data with the Dutch field names: the editor's form has ``title_nl``,
    ``summary_nl``, ... (one field per language, wagtail-modeltranslation) instead of ``title``."""
    from modeltranslation.translator import translator

    translated = set(translator.get_options_for_model(model).all_fields)
    return {f"{key}_nl" if key in translated else key: value for key, value in data.items()}


def make_organisatie(**fields) -> Organisatie:
    fields.setdefault("name", "Buurthuis De Leeuw")
    return Organisatie.objects.create(**fields)


def page_group(name, page, codenames=("add_page", "change_page")):
    """A group with admin access and the given page permissions on ``page``, made with
    Wagtail's models (whatever names the real roles use)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def person(username, *groups, **extra):
    """An active user with a password, in the given groups."""
    from django.contrib.auth.models import User

    user = User.objects.create_user(
        username, f"{username}@example.org", "een-lang-wachtwoord-123", **extra
    )
    user.groups.add(*groups)
    return user
