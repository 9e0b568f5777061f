from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from checks import views
from checks.dashboard import ChecksSummaryPanel
from checks.models import AmbtelijkWoord
from checks.pages import save_result
from checks.report import ControleReportView
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
        path("rapport/", ControleReportView.as_view(), name="report"),
        path(
            "rapport/resultaten/",
            ControleReportView.as_view(results_only=True),
            name="report_results",
        ),
    ]
    return [path("controle/", include((patterns, "checks"), namespace="checks"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return ControleReportView.permission_policy.user_has_any_permission(
            request.user, ControleReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(
        _("Taal en toegankelijkheid"),
        reverse("checks:report"),
        name="taal-en-toegankelijkheid",
        icon_name="glasses",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def dashboard_panel(request, panels):
    panels.append(ChecksSummaryPanel())


hooks.register("construct_wagtail_userbar", use_buurtwijzer_checker)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_on_save(request, page):
    """The same findings as in the panel, as a warning right after saving."""
    controle = save_result(page, reuse=True)
    if controle.is_ok:
        return
    parts = []
    if controle.taalniveau == "boven B1":
        parts.append(gettext("De tekst is boven B1."))
    if controle.toegankelijkheid_fouten:
        parts.append(
            gettext("Er zijn %(count)d toegankelijkheidsfouten.")
            % {"count": controle.toegankelijkheid_fouten}
        )
    parts.append(gettext("Kijk bij ‘Taal en toegankelijkheid’ wat beter kan."))
    messages.warning(request, " ".join(parts))
