from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NeedTranslation


class NeedTranslationViewSet(SnippetViewSet):
    model = NeedTranslation
    icon = "globe"
    menu_label = _("Hulpvragen in andere talen")
    list_display = ["phrasing", "language", "need"]
    list_filter = ["language"]
    add_to_admin_menu = False


register_snippet(NeedTranslationViewSet)
