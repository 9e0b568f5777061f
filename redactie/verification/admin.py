"""The admin side of "Klopt nog": the buttons on an offer and the dashboard panel
"Te controleren". Registered in ``aanbod/wagtail_hooks.py``."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.models import Page

from aanbod.models import AanbodPage

from .rules import due_offers, offers_of_editor

BUTTON_LABEL = _("Klopt nog")
BUTTON_HELP = _("Klopt alles nog? Zet dan 'Laatst gecontroleerd op' op vandaag.")


def _offer_for_button(page, user):
    """The offer behind ``page`` if ``user`` may confirm it, else None (no query for pages
    that are not offers; the permission test uses what Wagtail caches per user)."""
    if not page.live or not issubclass(page.specific_class or Page, AanbodPage):
        return None
    offer = page if isinstance(page, AanbodPage) else page.specific_deferred
    return offer if offer.permissions_for_user(user).can_edit() else None


def _post_attrs(url):
    # With JavaScript, Wagtail's own action controller POSTs (with the CSRF token and the
    # current page as "next"); without it, the link opens a page that asks first.
    return {
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": url,
        "title": BUTTON_HELP,
    }


def header_buttons(page, user, view_name, next_url=None):
    offer = _offer_for_button(page, user)
    if offer is None:
        return
    url = reverse("redactie_klopt_nog", args=[offer.pk])
    yield HeaderButton(
        BUTTON_LABEL, url=url, icon_name="check", attrs=_post_attrs(url), priority=12
    )


def listing_buttons(page, user, next_url=None):
    """A visible button in the page listing, next to the title (not in the "..." menu)."""
    offer = _offer_for_button(page, user)
    if offer is None:
        return
    url = reverse("redactie_klopt_nog", args=[offer.pk])
    yield ListingButton(
        BUTTON_LABEL, url=url, icon_name="check", attrs=_post_attrs(url), priority=10
    )


class TeControlerenPanel(Component):
    """Dashboard: the user's own offers not checked for 6 months, oldest first, each with a
    "Klopt nog" button (a plain form: works without JavaScript). Three queries."""

    name = "te_controleren"
    order = 90  # before Wagtail's own panels
    template_name = "redactie/verification/dashboard_panel.html"
    limit = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        offers = offers_of_editor(request.user, due_offers(today)).order_by(
            "last_verified", "title", "pk"
        )
        shown = list(offers[: self.limit])
        total = offers.count() if len(shown) == self.limit else len(shown)
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "offers": shown,
            "total": total,
            "more": total - len(shown),
            "home_url": reverse("wagtailadmin_home"),
        }
