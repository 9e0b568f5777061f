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
