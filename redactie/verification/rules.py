"""When an offer needs checking, and who answers for it.

- *Due*: not checked for 6 months (calendar months). Its editors see it in "Te controleren"
  and get it in their reminder e-mail.
- *Stale*: not checked for more than 365 days, the same rule as ``AanbodPage.is_stale`` (the
  public page then says the information may be out of date). The coordinator is told.

Ended offers and offers that are not online are never due.

Who answers for an offer is read from Wagtail's page permissions, never from group names:

- *editors*: members of a group with "change" permission (or "add", for pages they own) on
  the offer's own area, that is the page right above the offer (its buurt, or Heel Utrecht)
  or the offer itself; and the editors of the offer's organisation (``Organisatie.editors``).
  Rights granted higher up (a wijk's coordinators, the administrators on the home page) let
  someone edit the offer, but do not make them responsible for keeping it current.
- *coordinators*: members of the groups with "publish" permission on the nearest page above
  the offer that has such a group (for offers in a buurt: the wijk). The tree's root, where
  Wagtail's default groups sit, is never counted.

Being a superuser alone makes no one responsible.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from aanbod import freshness
from aanbod.models import AanbodPage, Organisatie

DUE_AFTER_MONTHS = 6
EDIT_CODENAMES = ("change_page", "add_page")
PUBLISH_CODENAME = "publish_page"
# Depth 1 is the tree's root (not a page); Wagtail's own default groups have their rights there.
FIRST_PAGE_DEPTH = 2


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months earlier (31 August - 6 months = 28/29 February)."""
    years, month_index = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def due_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Offers last checked on or before this date are due."""
    return months_before(today or timezone.localdate(), DUE_AFTER_MONTHS)


def stale_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Offers last checked before this date are stale (``aanbod.freshness``)."""
    return freshness.stale_before(today or timezone.localdate())


def offers_in_use():
    """Offers that are online and have not ended: the ones that must stay true."""
    return AanbodPage.objects.in_use()


def due_offers(today: datetime.date | None = None):
    return offers_in_use().filter(last_verified__lte=due_cutoff(today))


def stale_offers(today: datetime.date | None = None):
    return freshness.stale(offers_in_use(), today or timezone.localdate())


def offers_of_editor(user, offers=None):
    """The offers ``user`` is responsible for (see the module's docstring), as one query."""
    offers = AanbodPage.objects.all() if offers is None else offers
    if not user.is_authenticated or not user.is_active:
        return offers.none()
    mine = Q(organisatie__in=Organisatie.objects.filter(editors=user).values("pk"))
    grants = GroupPagePermission.objects.filter(
        group__user=user,
        permission__codename__in=EDIT_CODENAMES,
        page__depth__gte=FIRST_PAGE_DEPTH,
    ).values_list("page__path", "page__depth", "permission__codename")
    for path, depth, codename in grants:
        # The page itself (an offer) or the pages right under it (the offers of a buurt).
        area = Q(path__startswith=path, depth__lte=depth + 1)
        if codename == "add_page":
            area &= Q(owner=user)
        mine |= area
    return offers.filter(mine)


@dataclass
class Responsibilities:
    """For a set of offers: who answers for each (offer pk -> active users)."""

    editors: dict[int, list] = field(default_factory=dict)
    coordinators: dict[int, list] = field(default_factory=dict)


def responsibilities(offers) -> Responsibilities:
    """Editors and coordinators of many offers in a fixed number of queries (five)."""
    offers = list(offers)
    if not offers:
        return Responsibilities()
    User = get_user_model()
    steplen = Page.steplen

    edit_grants = defaultdict(list)  # page path -> [(group id, codename)]
    publish_grants = defaultdict(set)  # page path -> {group id}
    grants = GroupPagePermission.objects.filter(
        permission__codename__in=(*EDIT_CODENAMES, PUBLISH_CODENAME),
        page__depth__gte=FIRST_PAGE_DEPTH,
    ).values_list("group_id", "page__path", "permission__codename")
    for group_id, path, codename in grants:
        if codename == PUBLISH_CODENAME:
            publish_grants[path].add(group_id)
        else:
            edit_grants[path].append((group_id, codename))

    group_ids = {gid for ids in publish_grants.values() for gid in ids}
    group_ids |= {gid for pairs in edit_grants.values() for gid, _codename in pairs}
    members = defaultdict(set)
    for group_id, user_id in User.groups.through.objects.filter(group_id__in=group_ids).values_list(
        "group_id", "user_id"
    ):
        members[group_id].add(user_id)

    organisatie_editors = defaultdict(set)
    for organisatie_id, user_id in Organisatie.editors.through.objects.filter(
        organisatie_id__in={offer.organisatie_id for offer in offers if offer.organisatie_id}
    ).values_list("organisatie_id", "user_id"):
        organisatie_editors[organisatie_id].add(user_id)

    editor_ids, coordinator_ids = {}, {}
    for offer in offers:
        ids = set(organisatie_editors.get(offer.organisatie_id, ()))
        for path in (offer.path[:-steplen], offer.path):
            for group_id, codename in edit_grants.get(path, ()):
                ids |= {
                    uid
                    for uid in members[group_id]
                    if codename == "change_page" or uid == offer.owner_id
                }
        editor_ids[offer.pk] = ids

        coordinator_ids[offer.pk] = set()
        for depth in range(offer.depth - 1, FIRST_PAGE_DEPTH - 1, -1):
            groups = publish_grants.get(offer.path[: depth * steplen])
            if groups:
                coordinator_ids[offer.pk] = {uid for gid in groups for uid in members[gid]}
                break

    wanted = set().union(*editor_ids.values(), *coordinator_ids.values())
    users = User.objects.filter(pk__in=wanted, is_active=True).select_related("wagtail_userprofile")
    users = {user.pk: user for user in users.order_by("pk")}

    def active(ids):
        return [users[uid] for uid in sorted(ids) if uid in users]

    return Responsibilities(
        editors={pk: active(ids) for pk, ids in editor_ids.items()},
        coordinators={pk: active(ids) for pk, ids in coordinator_ids.items()},
    )
