"""Admin report: pages whose translation is outdated (the Dutch changed after it was saved)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .status import outdated


class OutdatedTranslationsReportView(ReportView):
    page_title = _("Verouderde vertalingen")
    header_icon = "globe"
    results_template_name = "vertalingen/translation_report_results.html"
    index_url_name = "vertalingen:report"
    index_results_url_name = "vertalingen:report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    list_export = ["page.title", "language", "updated_at"]
    export_headings = {
        "page.title": _("Pagina"),
        "language": _("Taal"),
        "updated_at": _("Vertaling bijgewerkt op"),
    }

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )
        return (
            outdated()
            .filter(page__in=editable)
            .select_related("page", "page__content_type")
            .order_by("page__path", "language")
        )

    def decorate_paginated_queryset(self, object_list):
        names = dict(settings.LANGUAGES)
        for row in object_list:
            row.language_name = names.get(row.language, row.language)
        return object_list
