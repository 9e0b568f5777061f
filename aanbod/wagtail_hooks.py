from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Doelgroep, Hulpvraag, Organisatie
from .models.permissions import RulesPagePermissionPolicy

register_permission_policy(Page, RulesPagePermissionPolicy())


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
