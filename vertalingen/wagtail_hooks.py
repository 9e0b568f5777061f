from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import OutdatedTranslationsReportView


@hooks.register("register_admin_urls")
def urls():
    patterns = [
        path("", OutdatedTranslationsReportView.as_view(), name="report"),
        path(
            "resultaten/",
            OutdatedTranslationsReportView.as_view(results_only=True),
            name="report_results",
        ),
    ]
    return [path("vertalingen/", include((patterns, "vertalingen"), namespace="vertalingen"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return OutdatedTranslationsReportView.permission_policy.user_has_any_permission(
            request.user, OutdatedTranslationsReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(
        _("Verouderde vertalingen"),
        reverse("vertalingen:report"),
        name="verouderde-vertalingen",
        icon_name="globe",
        order=660,
    )
