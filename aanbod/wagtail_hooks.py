from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Doelgroep, Hulpvraag, Organisatie


class HulpvraagViewSet(SnippetViewSet):
    model = Hulpvraag
    icon = "help"
    list_display = ["phrasing", "label", "code"]
    search_fields = ["label", "phrasing", "synonyms", "code"]


class DoelgroepViewSet(SnippetViewSet):
    model = Doelgroep
    icon = "group"
    list_display = ["label", "code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Hulpvragen en doelgroepen")
    menu_icon = "tag"
    items = (HulpvraagViewSet, DoelgroepViewSet)


register_snippet(TaxonomyGroup)


class OrganisatieViewSet(SnippetViewSet):
    model = Organisatie
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    add_to_admin_menu = True


register_snippet(OrganisatieViewSet)


@hooks.register("register_admin_urls")
def register_invitation_url():
    from .invitations import invitation_view

    return [path("uitnodigen/", invitation_view, name="aanbod_invitation")]


class InvitationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("auth.add_user")


@hooks.register("register_admin_menu_item")
def register_invitation_menu_item():
    return InvitationMenuItem(
        _("Iemand uitnodigen"),
        reverse("aanbod_invitation"),
        icon_name="user",
        order=9000,
    )


# Keeping offers current ("Klopt nog", "Te controleren") and "Klopt er iets niet?" ------------

from django.urls import re_path  # noqa: E402
from wagtail.permissions import register_permission_policy  # noqa: E402

from .feedback.admin import (  # noqa: E402
    MeldingViewSet,
    OpenMeldingenPanel,
    melding_permission_policy,
)
from .models import Melding  # noqa: E402
from .verification import admin as verification_admin  # noqa: E402
from .verification.confirm import LOG_ACTION as KLOPT_NOG_LOG_ACTION  # noqa: E402

register_permission_policy(Melding, melding_permission_policy)
register_snippet(MeldingViewSet)


@hooks.register("register_admin_urls")
def register_klopt_nog_url():
    from .urls import PAGE_ID
    from .verification.views import KloptNogView

    return [
        re_path(rf"^aanbod/{PAGE_ID}/klopt-nog/\Z", KloptNogView.as_view(), name="aanbod_klopt_nog")
    ]


@hooks.register("register_page_header_buttons")
def klopt_nog_header_button(page, user, view_name, next_url=None):
    yield from verification_admin.header_buttons(page, user, view_name, next_url)


@hooks.register("register_page_listing_more_buttons")
def klopt_nog_listing_button(page, user, next_url=None):
    yield from verification_admin.listing_more_buttons(page, user, next_url)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.append(verification_admin.TeControlerenPanel())
    panels.append(OpenMeldingenPanel())


@hooks.register("register_log_actions")
def register_klopt_nog_log_action(actions):
    actions.register_action(KLOPT_NOG_LOG_ACTION, _("Klopt nog"), _("Gecontroleerd: klopt nog"))
