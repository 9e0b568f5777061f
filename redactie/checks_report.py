"""Admin report: pages whose text is above B1 or that have accessibility errors, per wijk."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from buurten.models import WijkPage
from checks.b1 import ABOVE_B1
from checks.models import PaginaControle

NEEDS_WORK = Q(taalniveau=ABOVE_B1) | Q(toegankelijkheid_fouten__gt=0)


def needs_work(user=None):
    """Stored checks of pages that need work, limited to the pages `user` may edit."""
    checks = PaginaControle.objects.filter(NEEDS_WORK)
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        checks = checks.filter(page__in=editable)
    return checks


class ControleFilterSet(WagtailFilterSet):
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"), queryset=WijkPage.objects.order_by("title"), method="filter_wijk"
    )
    probleem = django_filters.ChoiceFilter(
        label=_("Wat moet beter"),
        choices=[("taal", _("Taal: boven B1")), ("toegankelijkheid", _("Toegankelijkheidsfouten"))],
        method="filter_probleem",
    )

    class Meta:
        model = PaginaControle
        fields = []

    def filter_wijk(self, queryset, name, value):
        return queryset.filter(page__path__startswith=value.path) if value else queryset

    def filter_probleem(self, queryset, name, value):
        if value == "taal":
            return queryset.filter(taalniveau=ABOVE_B1)
        if value == "toegankelijkheid":
            return queryset.filter(toegankelijkheid_fouten__gt=0)
        return queryset


class ControleReportView(ReportView):
    page_title = _("Taal en toegankelijkheid")
    header_icon = "glasses"
    results_template_name = "redactie/checks_report_results.html"
    filterset_class = ControleFilterSet
    index_url_name = "redactie_checks_report"
    index_results_url_name = "redactie_checks_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "page.title",
        "wijk",
        "taalniveau",
        "toegankelijkheid_fouten",
        "gecontroleerd_op",
    ]
    export_headings = {
        "page.title": _("Pagina"),
        "wijk": _("Wijk"),
        "taalniveau": _("Taalniveau"),
        "toegankelijkheid_fouten": _("Toegankelijkheidsfouten"),
        "gecontroleerd_op": _("Gecontroleerd op"),
    }

    def get_queryset(self):
        return (
            needs_work(self.request.user)
            .select_related("page", "page__content_type")
            .order_by("page__path")
        )

    def decorate_paginated_queryset(self, object_list):
        wijken = list(WijkPage.objects.only("title", "path"))
        for controle in object_list:
            controle.wijk = next(
                (w.title for w in wijken if controle.page.path.startswith(w.path)), ""
            )
        return object_list
