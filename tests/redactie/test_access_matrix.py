"""Every admin URL that Wagtail and the project register has a rule here, and the rule is
checked per role against their own and another buurt's, wijk's or organisation's objects. A new
view (a Wagtail upgrade, a new snippet, a hook) fails ``test_every_admin_view_has_a_rule`` until
someone decides who may open it.

Rules: ``everyone`` and ``everyone_first`` (any admin user; nothing of other buurten in it;
the second is tried before ``administrators``), ``administrators`` (only
Beheerders and superusers), ``page`` (who may edit the page: a buurt editor their buurt, a
coordinator their wijk, an initiative editor their organisation's offers), ``page_admin``
(delete and move: administrators only), ``report`` (the reports on offers the user may edit),
``not_a_page_view`` (nothing to see: log-in and log-out, password reset, static helpers, POST-only
endpoints tested in test_rights.py).
"""

from fnmatch import fnmatch

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from redactie.models import Melding
from redactie.roles import INITIATIVE_EDITORS
from tests.factories import make_offer, make_organisatie, person

pytestmark = pytest.mark.django_db

RULES = {
    "page": [
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:usage",
        "wagtailadmin_pages:copy",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:revisions_revert",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:history_results",
        "wagtailadmin_pages:workflow_history",
        "redactie_klopt_nog",
    ],
    "page_admin": [
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:move",
        "wagtailadmin_pages:move_confirm",
    ],
    "report": [
        "wagtailsnippets_redactie_melding:edit",
        "wagtailsnippets_redactie_melding:delete",
        "wagtailsnippets_redactie_melding:history",
        "wagtailsnippets_redactie_melding:usage",
        "wagtailsnippetchoosers_redactie_melding:chosen",
    ],
    "everyone_first": [
        # Task names only, for the workflow editor.
        "wagtailadmin_workflows:task_cho*",
        # Form submissions of the pages the user may edit (Wagtail filters them).
        "wagtailforms:*",
        # Only a redirect to the page's history (a "page" view).
        "wagtailadmin_pages:revisions_index",
    ],
    "administrators": [
        "wagtailusers_users:*",
        "wagtailusers_groups:*",
        "wagtailsites:*",
        "wagtailadmin_workflows:*",
        "wagtailredirects:*",
        "wagtailadmin_collections:*",
        "wagtailsettings:*",
        "wagtailsnippets_aanbod_hulpvraag:*",
        "wagtailsnippets_aanbod_doelgroep:*",
        "wagtailsnippets_checks_ambtelijkwoord:*",
        "wagtailsnippets_aanbod_organisatie:add",
        "wagtailsnippets_aanbod_organisatie:edit",
        "wagtailsnippets_aanbod_organisatie:delete",
        "wagtailsnippets_aanbod_organisatie:copy",
        "wagtaildocs:*",
        "redactie_invitation",
    ],
    "everyone": [
        "wagtailadmin_home",
        "wagtailadmin_account",
        "wagtailadmin_explore*",
        "wagtailadmin_pages:search*",
        "wagtailadmin_choose_page*",
        "wagtailadmin_tag_*",
        "wagtailadmin_reports:*",
        "wagtailadmin_api:*",
        "wagtailimages:*",
        "wagtailimages_chooser:*",
        "wagtaildocs_chooser:*",
        "wagtailembeds:*",
        "wagtailsnippets:*",
        "wagtailsnippets_aanbod_organisatie:*",
        "wagtailsnippetchoosers_*",
        "wagtailsnippets_redactie_melding:*",
        "wagtailadmin_pages:add",
        # "Nieuw aanbod": on to Wagtail's add view, only under a buurt the user may add to.
        "redactie_new_offer",
        "wagtailadmin_pages:preview_on_add",
        "wagtailadmin_pages:add_subpage",
        "wagtailadmin_pages:choose_parent",
        "wagtailadmin_pages:type_use*",
        "wagtailadmin_pages:*",
        "redactie_checks_report*",
        "vertalingen:*",
        "checks:*",
        "security_2fa*",
        "wagtailadmin_editing_sessions:*",
    ],
    "not_a_page_view": [
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset*",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_error_test",
        "wagtailadmin_dismissibles",
        "wagtailadmin_block_preview",
        "wagtail_bulk_action",
        "?",
    ],
}
ORDER = (
    "page",
    "page_admin",
    "report",
    "everyone_first",
    "administrators",
    "everyone",
    "not_a_page_view",
)


def admin_url_names():
    names = []

    def walk(resolver, prefix, namespaces):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespaces + [pattern.namespace] if pattern.namespace else namespaces
                walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and (prefix + str(pattern.pattern)).startswith(
                "admin/"
            ):
                names.append(":".join(namespaces + [pattern.name or "?"]))

    walk(get_resolver(), "", [])
    return sorted(set(names))


def rule_for(name):
    """The first rule (in ORDER) with a pattern that fits; specific rules come first."""
    for rule in ORDER:
        if any(fnmatch(name, pattern) for pattern in RULES[rule]):
            return rule
    return None


def test_every_admin_view_has_a_rule():
    missing = [name for name in admin_url_names() if rule_for(name) is None]
    assert not missing, f"Admin views without a rule in {__name__}: {missing}"


def _refused(response):
    if response.status_code in (403, 404, 405):  # 405: the view answers no GET at all
        return True
    return response.status_code == 302 and response["Location"] in (
        "/admin/",
        reverse("wagtailadmin_home"),
    )


@pytest.fixture
def world(places, editor, coordinator, beheerder):
    organisatie = make_organisatie(name="Stichting Samen Koken")
    member = person("kok", Group.objects.get(name=INITIATIVE_EDITORS))
    organisatie.editors.add(member)
    org_offer = make_offer(places["voordorp"], title="Samen koken", organisatie=organisatie)
    other_draft = make_offer(places["voordorp"], title="Concept Voordorp", publish=False)
    other_draft.save_revision()
    return {
        "editor": (editor, places["own"]),
        "coordinator": (coordinator, places["same_wijk"]),
        "initiative": (member, org_offer),
        "other": other_draft,
        "beheerder": beheerder,
        "places": places,
    }


def _page_url(name, page, places):
    kwargs = {"page_to_move_id" if "move" in name else "page_id": page.pk}
    if name == "wagtailadmin_pages:move_confirm":
        kwargs["destination_id"] = places["oog_in_al"].pk
    if name in ("wagtailadmin_pages:revisions_view", "wagtailadmin_pages:revisions_revert"):
        kwargs["revision_id"] = page.latest_revision.pk
    return reverse(name, kwargs=kwargs)


def test_page_views_open_for_own_pages_and_refuse_other_buurten(client, world):
    for name in admin_url_names():
        rule = rule_for(name)
        if rule not in ("page", "page_admin"):
            continue
        for role in ("editor", "coordinator", "initiative"):
            user, own = world[role]
            client.force_login(user)
            other = _page_url(name, world["other"], world["places"])
            assert _refused(client.get(other)), (role, name, "other buurt")
            response = client.get(_page_url(name, own, world["places"]))
            if rule == "page_admin":
                assert _refused(response), (role, name, "only administrators")
            else:
                assert response.status_code < 500 and not _refused(response), (role, name, "own")
        client.force_login(world["beheerder"])
        response = client.get(_page_url(name, world["other"], world["places"]))
        assert response.status_code < 500 and not _refused(response), ("beheerder", name)


def test_report_views_open_only_for_reports_on_own_offers(client, world):
    for role in ("editor", "coordinator", "initiative"):
        user, own = world[role]
        mine = Melding.objects.create(page=own, message="Klopt niet")
        theirs = Melding.objects.create(page=world["other"], message="Klopt ook niet")
        client.force_login(user)
        for name in admin_url_names():
            if rule_for(name) != "report":
                continue
            assert _refused(client.get(reverse(name, args=[theirs.pk]))), (role, name)
            assert not _refused(client.get(reverse(name, args=[mine.pk]))), (role, name)


def _url_without_or_with_one_object(name, pk):
    for args in ([], [pk]):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            pass
    return None


def test_administrator_views_refuse_everyone_else(client, world):
    pks = {"wagtailsnippets_aanbod_organisatie": world["initiative"][1].organisatie_id}
    for name in admin_url_names():
        if rule_for(name) != "administrators":
            continue
        namespace = name.split(":")[0]
        url = _url_without_or_with_one_object(name, pks.get(namespace, world["beheerder"].pk))
        if url is None:  # more than one argument: covered by the rule only
            continue
        for role in ("editor", "coordinator", "initiative"):
            client.force_login(world[role][0])
            assert _refused(client.get(url)), (role, name, url)
