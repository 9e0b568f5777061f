"""The editors' inbox for 'Klopt er iets niet?' (Meldingen): a SnippetViewSet whose
permission policy follows the offers. Whoever may edit an offer (Wagtail's page permissions,
and the organisation's editors) sees, handles and may delete the reports on it; nobody else.
Nobody adds reports in the admin: they come from visitors.

What visitors wrote is shown as text only: Django's templates escape it, nothing here marks
it safe."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from aanbod.models import AanbodPage, Organisatie
from redactie.models import Melding

READ_ACTIONS = {"view", "change", "delete"}


def editable_offers(user):
    """The offers ``user`` may edit: Wagtail's page permissions, plus their organisations'."""
    pages = PagePermissionPolicy(AanbodPage).instances_user_has_any_permission_for(user, {"change"})
    return AanbodPage.objects.filter(
        Q(pk__in=pages.values("pk"))
        | Q(organisatie__in=Organisatie.objects.filter(editors=user).values("pk"))
    )


class MeldingPermissionPolicy(ModelPermissionPolicy):
    def _edits_offers(self, user) -> bool:
        if not hasattr(user, "_aanbod_edits_offers"):
            user._aanbod_edits_offers = (
                PagePermissionPolicy().user_has_any_permission(user, {"change"})
                or Organisatie.objects.filter(editors=user).exists()
            )
        return user._aanbod_edits_offers

    def _sees_all(self, user, actions) -> bool:
        """Superusers, and groups given the Melding permissions themselves, see every report."""
        return any(
            super(MeldingPermissionPolicy, self).user_has_permission(user, a) for a in actions
        )

    def user_has_permission(self, user, action):
        if action not in READ_ACTIONS or not user.is_authenticated or not user.is_active:
            return False
        return self._sees_all(user, [action]) or self._edits_offers(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions) & READ_ACTIONS
        if not actions or not user.is_authenticated or not user.is_active:
            return False
        if self._sees_all(user, actions):
            return True
        return instance.page.permissions_for_user(user).can_edit()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        actions = set(actions) & READ_ACTIONS
        if not actions or not user.is_authenticated or not user.is_active:
            return Melding.objects.none()
        if self._sees_all(user, actions):
            return Melding.objects.all()
        return Melding.objects.filter(page__in=editable_offers(user))


melding_permission_policy = MeldingPermissionPolicy(Melding)


class OfferLinkPanel(Panel):
    """The offer a report is about, linked to its editor and its public page."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            offer = self.instance.page
            html = format_html(
                '<p><a href="{}">{}</a></p>',
                reverse("wagtailadmin_pages:edit", args=[offer.pk]),
                offer.get_admin_display_title(),
            )
            if offer.live and offer.url:
                html += format_html(
                    '<p><a href="{}" target="_blank" rel="noreferrer">{}</a></p>',
                    offer.url,
                    _("Bekijk het aanbod op de website"),
                )
            return html


class _OnlyTheirOwn:
    """Open a report only if the user may edit its offer (else 403)."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        melding = super().get_object(*args, **kwargs)
        if not melding_permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, melding
        ):
            raise PermissionDenied
        return melding


class MeldingEditView(_OnlyTheirOwn, EditView):
    pass


class MeldingDeleteView(_OnlyTheirOwn, DeleteView):
    instance_action = "delete"


class MeldingHistoryView(_OnlyTheirOwn, HistoryView):
    instance_action = "view"


class MeldingUsageView(_OnlyTheirOwn, UsageView):
    instance_action = "view"


def _their_reports(user):
    return melding_permission_policy.instances_user_has_any_permission_for(user, READ_ACTIONS)


class _TheirReportsToChoose:
    """The snippet chooser (its list, search and "chosen") offers only the user's own reports,
    as the inbox does."""

    def get_object_list(self):
        return _their_reports(self.request.user)


class MeldingChooseView(_TheirReportsToChoose, ChooseView):
    pass


class MeldingChooseResultsView(_TheirReportsToChoose, ChooseResultsView):
    pass


class MeldingChosenView(SnippetChosenView):
    def get_object(self, pk):
        return _their_reports(self.request.user).get(pk=pk)


class MeldingChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return _their_reports(self.request.user).filter(pk__in=pks)


class MeldingChooserViewSet(SnippetChooserViewSet):
    choose_view_class = MeldingChooseView
    choose_results_view_class = MeldingChooseResultsView
    chosen_view_class = MeldingChosenView
    chosen_multiple_view_class = MeldingChosenMultipleView


class MeldingFilterSet(WagtailFilterSet):
    """ "Afgehandeld: ja / nee" in words (a boolean filter would show "False")."""

    afgehandeld = django_filters.ChoiceFilter(
        label=_("Afgehandeld"),
        choices=[("nee", _("Nee, nog open")), ("ja", _("Ja"))],
        empty_label=_("Alle"),
        method="filter_afgehandeld",
    )

    class Meta:
        model = Melding
        fields = []

    def filter_afgehandeld(self, queryset, name, value):
        return queryset.filter(afgehandeld=value == "ja")


class MeldingViewSet(SnippetViewSet):
    model = Melding
    icon = "warning"
    menu_label = _("Meldingen")
    menu_name = "meldingen"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = MeldingFilterSet
    list_per_page = 50
    edit_view_class = MeldingEditView
    delete_view_class = MeldingDeleteView
    history_view_class = MeldingHistoryView
    usage_view_class = MeldingUsageView
    chooser_viewset_class = MeldingChooserViewSet
    panels = [
        OfferLinkPanel(heading=_("Over dit aanbod")),
        FieldPanel("message", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("afgehandeld"),
    ]

    list_display = [
        "__str__",
        TitleColumn(
            "offer",
            label=_("Aanbod"),
            accessor=lambda melding: melding.page.get_admin_display_title(),
            get_url=lambda melding: reverse("wagtailadmin_pages:edit", args=[melding.page_id]),
        ),
        DateColumn("created_at", label=_("Ontvangen op")),
        Column(
            "afgehandeld",
            label=_("Afgehandeld"),
            accessor=lambda melding: _("Ja") if melding.afgehandeld else _("Nee, nog open"),
        ),
    ]

    def get_queryset(self, request):
        return _their_reports(request.user).select_related("page")


class OpenMeldingenPanel(Component):
    """Dashboard: how many reports on the user's offers are not handled yet (one or two
    queries), with a link to the inbox."""

    name = "open_meldingen"
    order = 95
    template_name = "redactie/verification/meldingen_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        count = 0
        if melding_permission_policy.user_has_permission(user, "change"):
            count = (
                melding_permission_policy.instances_user_has_any_permission_for(user, {"change"})
                .open()
                .count()
            )
        return {"count": count, "url": reverse(Melding.snippet_viewset.get_url_name("list"))}
