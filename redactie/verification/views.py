"""Confirming an offer: the public page behind the link in the reminder e-mail, and the
"Klopt nog" action in the admin. Both confirm only on POST: a link scanner in a mailbox that
opens every link (GET) confirms nothing."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from aanbod.models import AanbodPage

from .confirm import (
    LINK_VALID_DAYS,
    BadLink,
    CheckedToday,
    ExpiredLink,
    Refused,
    confirm,
    read_link_token,
    refusal,
)

LINK_TEMPLATE = "redactie/verification/confirm_link.html"


def _link_problem(request, status, title, message, offer=None):
    context = {"state": "problem", "title": title, "message": message, "offer": offer}
    return TemplateResponse(request, LINK_TEMPLATE, context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_link_view(request, token):
    """The link from the reminder e-mail: no login needed (it reached the editor's own
    mailbox); shows the offer and a button. Used, expired or changed links change nothing."""
    try:
        link = read_link_token(token)
    except ExpiredLink:
        return _link_problem(
            request,
            410,
            _("Deze link is verlopen"),
            gettext(
                "Een link om te bevestigen werkt %(days)d dagen. Log in op Buurtwijzer en klik "
                "bij het aanbod op 'Klopt nog'. Of wacht op de volgende herinnering."
            )
            % {"days": LINK_VALID_DAYS},
        )
    except BadLink:
        return _link_problem(
            request,
            400,
            _("Deze link werkt niet"),
            _(
                "De link is niet compleet, of er is iets in veranderd. Kopieer de hele link uit "
                "de e-mail. Of log in op Buurtwijzer en klik bij het aanbod op 'Klopt nog'."
            ),
        )
    offer = link.page()
    if offer is None:
        return _link_problem(
            request,
            404,
            _("Dit aanbod bestaat niet meer"),
            _("Het aanbod is verwijderd. U hoeft niets te doen."),
        )
    user = link.user()
    problem = refusal(offer, user, made_for=link.made_for)
    if problem is None and request.method == "POST":
        try:
            confirm(offer, user, made_for=link.made_for)
        except Refused as refused:
            problem = refused
        else:
            return redirect("redactie:klopt-nog-klaar", page_id=offer.pk)
    if problem is not None:
        return _link_problem(
            request, problem.status, _("Er is niets veranderd"), problem.message, offer
        )
    return TemplateResponse(request, LINK_TEMPLATE, {"state": "ask", "offer": offer})


@never_cache
def confirmed_view(request, page_id):
    """Where a confirmation lands (Post/Redirect/Get). It shows only what the public page
    shows, so only for offers that are online."""
    offer = get_object_or_404(AanbodPage.objects.visible(), pk=page_id)
    return TemplateResponse(request, LINK_TEMPLATE, {"state": "done", "offer": offer})


class KloptNogView(WagtailAdminTemplateMixin, TemplateView):
    """Admin: GET asks (for browsers without JavaScript), POST confirms. The header and
    listing buttons POST directly, so with JavaScript it is one click."""

    template_name = "redactie/verification/admin_confirm.html"
    page_title = _("Klopt nog?")
    header_icon = "check"

    def dispatch(self, request, page_id):
        self.offer = get_object_or_404(AanbodPage, pk=page_id)
        if not self.offer.permissions_for_user(request.user).can_edit():
            # A plain 403 with the reason (Wagtail would turn PermissionDenied into a redirect).
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.offer.get_admin_display_title()

    def get_next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_pages:edit", args=[self.offer.pk]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            offer=self.offer,
            problem=refusal(self.offer, self.request.user),
            next_url=self.get_next_url(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.offer.pk]),
        )
        return context

    def post(self, request, page_id):
        try:
            offer = confirm(self.offer, request.user)
        except CheckedToday as refused:
            messages.info(request, refused.message)
        except Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                gettext("Dank u wel. '%(title)s' is gecontroleerd op %(date)s.")
                % {
                    "title": offer.get_admin_display_title(),
                    "date": date_format(offer.last_verified, "j F Y"),
                },
            )
        return redirect(self.get_next_url())
