"""Who may do what, with Wagtail's own groups, page permissions and workflows.

- Buurt editors ("Redacteuren <buurt>"): add, change and lock pages under their buurt; no
  publishing.
- Wijk coordinators ("Coördinatoren <wijk>"): add, change, publish, lock and unlock under their
  wijk, and review what editors submit there (one workflow per wijk).
- Initiative editors: members of an Organisatie (``Organisatie.editors``) change and lock that
  organisation's offers wherever they are (``aanbod/models/permissions.py``), nothing else.
- Administrators ("Beheerders"): everything, including needs, target groups, settings and
  organisations (who the editors of an organisation are gives rights in every buurt, so only
  administrators set it). Only administrators delete and move pages (the same file).

Wagtail's own "Editors" and "Moderators" groups (rights on the whole tree) are emptied.

Running ``ensure_roles`` again adds only what is missing (and takes away what earlier releases
gave and the rules above no longer allow).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from buurten.models import BuurtPage, WijkPage

EDITOR_PAGE_ACTIONS = ("add_page", "change_page", "lock_page")
COORDINATOR_PAGE_ACTIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
ADMIN_PAGE_ACTIONS = (*COORDINATOR_PAGE_ACTIONS, "delete_page", "bulk_delete_page")
IMAGE_ACTIONS = ("add_image", "choose_image")

EVERYONE_IN_ADMIN = (("wagtailadmin", "access_admin"), ("aanbod", "view_organisatie"))
ORGANISATION_MANAGEMENT = (
    ("aanbod", "add_organisatie"),
    ("aanbod", "change_organisatie"),
    ("aanbod", "delete_organisatie"),
)
ADMIN_MODEL_PERMISSIONS = (
    *ORGANISATION_MANAGEMENT,
    ("aanbod", "add_hulpvraag"),
    ("aanbod", "change_hulpvraag"),
    ("aanbod", "delete_hulpvraag"),
    ("aanbod", "add_doelgroep"),
    ("aanbod", "change_doelgroep"),
    ("aanbod", "delete_doelgroep"),
    ("home", "change_contactsettings"),
    ("auth", "add_user"),
    ("auth", "change_user"),
)

ADMINISTRATORS = "Beheerders"
INITIATIVE_EDITORS = "Initiatiefredacteuren"
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def buurt_group_name(buurt: BuurtPage) -> str:
    return f"Redacteuren {buurt.title} ({buurt.cbs_code})"


def wijk_group_name(wijk: WijkPage) -> str:
    return f"Coördinatoren {wijk.title}"


def _permissions(pairs) -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=app, codename=code) for app, code in pairs
    ]


def _page_permissions(codenames) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def _group(name: str, model_permissions, page=None, page_actions=(), images=True) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions(model_permissions))
    for permission in _page_permissions(page_actions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    if images:
        root = Collection.get_first_root_node()
        for permission in _permissions(("wagtailimages", code) for code in IMAGE_ACTIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
    return group


@transaction.atomic
def ensure_roles(home) -> None:
    _group(
        ADMINISTRATORS,
        (*EVERYONE_IN_ADMIN, *ADMIN_MODEL_PERMISSIONS),
        page=home,
        page_actions=ADMIN_PAGE_ACTIONS,
    )
    _group(INITIATIVE_EDITORS, EVERYONE_IN_ADMIN)
    for wijk in WijkPage.objects.all():
        _follow_title(wijk_group_name(wijk), wijk_group, wijk)
        coordinators = _group(
            wijk_group_name(wijk),
            EVERYONE_IN_ADMIN,
            page=wijk,
            page_actions=COORDINATOR_PAGE_ACTIONS,
        )
        # Given by earlier releases: coordinators no longer manage organisations.
        coordinators.permissions.remove(*_permissions(ORGANISATION_MANAGEMENT))
        _ensure_review(wijk, coordinators)
    for buurt in BuurtPage.objects.all():
        _follow_title(buurt_group_name(buurt), buurt_group, buurt)
        _group(
            buurt_group_name(buurt), EVERYONE_IN_ADMIN, page=buurt, page_actions=EDITOR_PAGE_ACTIONS
        )
    empty_wagtail_default_groups()


def _follow_title(name: str, find, page) -> None:
    """A renamed buurt or wijk: its group, found by its rights, gets the new name (rather
    than a second group being made next to it)."""
    try:
        group = find(page)
    except (Group.DoesNotExist, Group.MultipleObjectsReturned):
        return  # a new buurt or wijk: _group makes it
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])


def empty_wagtail_default_groups() -> None:
    """Wagtail's first migration makes "Editors" and "Moderators" with add, change (and
    publish) on the whole tree. They are removed; one that still has members is kept, without
    any right, so an administrator sees whom to put in a real role."""
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if group.user_set.exists():
            group.permissions.clear()
            group.page_permissions.all().delete()
            group.collection_permissions.all().delete()
        else:
            group.delete()


def _ensure_review(wijk: WijkPage, coordinators: Group) -> Workflow:
    """One workflow per wijk: the coordinators approve or reject what editors submit.
    Other apps may add tasks before the approval (e.g. the automatic language check)."""
    name = f"Controle {wijk.title}"
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        task = GroupApprovalTask.objects.create(name=f"Goedkeuring {wijk_group_name(wijk).lower()}")
        task.groups.set([coordinators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=10)
    WorkflowPage.objects.get_or_create(page=wijk, defaults={"workflow": workflow})
    return workflow


def _group_with(codename: str, page) -> Group:
    return (
        Group.objects.filter(
            page_permissions__page=page, page_permissions__permission__codename=codename
        )
        .distinct()
        .get()
    )


def buurt_group(buurt: BuurtPage) -> Group:
    """The editors of a buurt, found by their rights on it: the name follows the buurt's title,
    which an administrator may change."""
    return _group_with("change_page", buurt)


def wijk_group(wijk: WijkPage) -> Group:
    """The coordinators of a wijk, found by their rights on it (as ``buurt_group``)."""
    return _group_with("publish_page", wijk)


def coordinator_groups_for(page) -> list[Group]:
    """The coordinator groups of the wijk a page lies in (via their page permissions)."""
    return list(
        Group.objects.filter(
            page_permissions__page__in=WijkPage.objects.ancestor_of(page, inclusive=True),
            page_permissions__permission__codename="publish_page",
        ).distinct()
    )
