"""The editorial work in the admin: inviting people, keeping offers current ("Klopt nog",
"Te controleren"), residents' reports ("Klopt er iets niet?") and the checks report."""

from django.db.models import Q
from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from aanbod.urls import PAGE_ID

from . import superusers
from .checks_dashboard import ChecksSummaryPanel
from .checks_report import ControleReportView
from .invitations import invitation_view
from .models import Melding
from .new_offer import NieuwAanbodPanel, new_offer_view
from .reports.admin import (
    MeldingViewSet,
    OpenMeldingenPanel,
    editable_offers,
    melding_permission_policy,
)
from .review import REPLACED_PANEL, ReviewPanel, approval_message
from .verification import admin as verification_admin
from .verification.bulk import KloptNogBulkAction
from .verification.confirm import LOG_ACTION as KLOPT_NOG_LOG_ACTION
from .verification.views import KloptNogView
from .wijk_dashboard import WijkPanel

register_permission_policy(Melding, melding_permission_policy)
register_snippet(MeldingViewSet)

hooks.register("before_create_user", superusers.before_create_user)
hooks.register("before_edit_user", superusers.before_edit_user)
hooks.register("before_bulk_action", superusers.before_bulk_action)
hooks.register("after_edit_page", approval_message)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("uitnodigen/", invitation_view, name="redactie_invitation"),
        path("aanbod/nieuw/", new_offer_view, name="redactie_new_offer"),
        re_path(
            rf"^aanbod/{PAGE_ID}/klopt-nog/\Z", KloptNogView.as_view(), name="redactie_klopt_nog"
        ),
        path("controle/rapport/", ControleReportView.as_view(), name="redactie_checks_report"),
        path(
            "controle/rapport/resultaten/",
            ControleReportView.as_view(results_only=True),
            name="redactie_checks_report_results",
        ),
    ]


class InvitationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("auth.add_user")


@hooks.register("register_admin_menu_item")
def register_invitation_menu_item():
    return InvitationMenuItem(
        _("Iemand uitnodigen"),
        reverse("redactie_invitation"),
        icon_name="user",
        order=9000,
    )


@hooks.register("register_page_header_buttons")
def klopt_nog_header_button(page, user, view_name, next_url=None):
    # On the edit page the button stands in the header itself (page_edit_header.html).
    if view_name != "edit":
        yield from verification_admin.header_buttons(page, user, view_name, next_url)


@hooks.register("register_page_listing_buttons")
def klopt_nog_listing_button(page, user, next_url=None):
    yield from verification_admin.listing_buttons(page, user, next_url)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels[:] = [panel for panel in panels if panel.name != REPLACED_PANEL]
    panels.append(ReviewPanel())
    panels.append(NieuwAanbodPanel())
    panels.append(ChecksSummaryPanel())
    panels.append(verification_admin.TeControlerenPanel())
    panels.append(WijkPanel())
    panels.append(OpenMeldingenPanel())


class ChecksReportMenuItem(MenuItem):
    def is_shown(self, request):
        return ControleReportView.permission_policy.user_has_any_permission(
            request.user, ControleReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def checks_report_menu_item():
    return ChecksReportMenuItem(
        _("Taal en toegankelijkheid"),
        reverse("redactie_checks_report"),
        name="taal-en-toegankelijkheid",
        icon_name="glasses",
        order=650,
    )


hooks.register("register_bulk_action", KloptNogBulkAction)


@hooks.register("register_log_actions")
def register_klopt_nog_log_action(actions):
    actions.register_action(KLOPT_NOG_LOG_ACTION, _("Klopt nog"), _("Gecontroleerd: klopt nog"))


@hooks.register("construct_page_chooser_queryset")
def only_drafts_they_may_edit(pages, request):
    """The page chooser (browse and search) shows every live page, but drafts only to who may
    edit them: editors do not see other buurten's drafts (README, "Who may do what")."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    return pages.filter(
        Q(live=True)
        | Q(pk__in=editable.values("pk"))
        | Q(pk__in=editable_offers(user).values("pk"))
    )


@hooks.register("before_move_page")
def only_moves_they_may_make(request, page, destination):
    """Wagtail's move confirmation checks the right only when the move is made (POST); its
    question (GET) would show any page and destination. The same test for both."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None
