"""What a user may do with a page in the admin: Wagtail's page permissions (``redactie/roles.py``
gives them per buurt and wijk) with the rules of the README on top. Every page model uses
``RightsMixin``, so every Wagtail view (edit, delete, move, bulk actions, the explorer's
buttons) asks the same tester.

- Only who has the delete right deletes: administrators. Wagtail also lets anyone with change
  and publish delete (coordinators would remove live offers with their history).
- Moving is Wagtail's "delete here and add there", so only administrators move too.
- Members of an offer's organisation (``Organisatie.editors``) change and lock it, wherever it
  is; publishing stays with the wijk's coordinators.
"""

from wagtail.models import Page, PagePermissionTester, PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy


class RulesPermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not self.user.is_superuser and "delete" not in getattr(self, "permissions", set()):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)


class OrganisatieEditorPermissionTester(RulesPermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if (
            user.is_active
            and not user.is_superuser
            and page.organisatie_id
            and page.organisatie_id in self.organisatie_ids(user)
        ):
            self.permissions = self.permissions | {"change", "lock"}

    @staticmethod
    def organisatie_ids(user) -> set[int]:
        """The user's organisations, looked up once per user object (listings test many pages)."""
        if not hasattr(user, "_buurtwijzer_organisatie_ids"):
            user._buurtwijzer_organisatie_ids = set(user.organisaties.values_list("pk", flat=True))
        return user._buurtwijzer_organisatie_ids


class RightsMixin:
    """For every page model of the project: the tester above instead of Wagtail's own."""

    def permissions_for_user(self, user):
        return RulesPermissionTester(user, self)

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions on this page and the pages above it) in one query
        instead of two, when routing (home/routing.py) has loaded the pages above and none of
        them is an alias (an alias takes its source page's restrictions: then Wagtail's own
        way). The tree's root, above the home page, is never an alias."""
        page, paths = self, []
        while page is not None and page.depth > 2:
            if page.alias_of_id is not None:
                return super().get_view_restrictions()
            paths.append(page.path)
            page = getattr(page, "_cached_parent_obj", None)
        if page is None or page.alias_of_id is not None:
            return super().get_view_restrictions()
        paths += [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]
        return PageViewRestriction.objects.filter(page__path__in=paths)


class RulesPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, knowing that initiative editors change pages too: views that ask
    "may this user change any page?" (a page's history, for one) let them in, and then ask the
    tester about the page itself."""

    def user_has_any_permission(self, user, actions):
        if super().user_has_any_permission(user, actions):
            return True
        return bool(
            user.is_active
            and {"change", "lock"} & set(actions)
            and OrganisatieEditorPermissionTester.organisatie_ids(user)
        )
