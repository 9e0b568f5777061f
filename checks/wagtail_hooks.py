from django.urls import include, path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from checks import views
from checks.b1 import ABOVE_B1
from checks.models import AmbtelijkWoord
from checks.models.results import save_result
from checks.userbar import use_buurtwijzer_checker


class AmbtelijkWoordViewSet(SnippetViewSet):
    model = AmbtelijkWoord
    icon = "spell-check"
    menu_label = _("Ambtelijke woorden")
    menu_order = 900
    add_to_admin_menu = False
    list_display = ["woord", "alternatief", "werkwoord"]
    search_fields = ["woord"]


register_snippet(AmbtelijkWoordViewSet)


@hooks.register("register_admin_urls")
def urls():
    patterns = [
        path("live/<int:page_id>/", views.live_edit, name="live_edit"),
        path(
            "live/nieuw/<slug:app_label>/<slug:model_name>/<int:parent_id>/",
            views.live_create,
            name="live_create",
        ),
    ]
    return [path("controle/", include((patterns, "checks"), namespace="checks"))]


hooks.register("construct_wagtail_userbar", use_buurtwijzer_checker)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_on_save(request, page):
    """The same findings as in the panel, as a warning right after saving. Not for Wagtail's
    autosave (a JSON request while the editor types): its messages would pile up and all show
    on the next page, so after submitting the warning came twice. The panel shows the findings
    meanwhile; the stored result follows on the editor's own save or submit."""
    if not request.accepts("text/html"):
        return
    controle = save_result(page, reuse=True)
    if controle.is_ok:
        return
    parts = []
    if controle.taalniveau == ABOVE_B1:
        parts.append(gettext("De tekst is boven B1."))
    if controle.toegankelijkheid_fouten:
        parts.append(
            gettext("Er zijn %(count)d toegankelijkheidsfouten.")
            % {"count": controle.toegankelijkheid_fouten}
        )
    parts.append(gettext("Kijk bij ‘Taal en toegankelijkheid’ wat beter kan."))
    messages.warning(request, " ".join(parts))
