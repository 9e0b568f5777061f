""" "Nieuw aanbod" on the dashboard: one button that opens the form for a new offer under the
editor's own buurt. Someone with several buurten (a coordinator, an administrator) first
chooses the buurt from a list grouped by wijk. A plain form and a redirect: no JavaScript."""

from itertools import groupby

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.ui.components import Component

from buurten.models import BuurtPage, WijkPage


def buurten_for_new_offer(user) -> list[BuurtPage]:
    """The buurten under which ``user`` may add an offer, in wijk order, then by name."""
    buurten = BuurtPage.objects.select_related("content_type").order_by("path")
    allowed = [b for b in buurten if b.permissions_for_user(user).can_add_subpage()]
    return sorted(allowed, key=lambda b: (b.path[: -BuurtPage.steplen], b.title))


def grouped_by_wijk(buurten) -> list[tuple[str, list[BuurtPage]]]:
    """[(wijk name, [buurt, ...]), ...] for an <optgroup> per wijk."""
    wijken = _wijk_titles(buurten)
    return [
        (wijken.get(path, ""), list(items))
        for path, items in groupby(buurten, key=lambda b: b.path[: -BuurtPage.steplen])
    ]


def _wijk_titles(buurten) -> dict[str, str]:
    paths = {b.path[: -BuurtPage.steplen] for b in buurten}
    return dict(WijkPage.objects.filter(path__in=paths).values_list("path", "title"))


def add_url(buurt) -> str:
    return reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", buurt.pk])


def new_offer_view(request):
    """GET ?buurt=<id>: on to Wagtail's form for a new offer under that buurt."""
    buurt = BuurtPage.objects.filter(pk=request.GET.get("buurt") or None).first()
    if buurt is None or not buurt.permissions_for_user(request.user).can_add_subpage():
        messages.error(request, _("Kies de buurt waar het nieuwe aanbod bij hoort."))
        return redirect("wagtailadmin_home")
    return redirect(add_url(buurt))


class NieuwAanbodPanel(Component):
    """Dashboard: the button "Nieuw aanbod", first of all panels."""

    name = "nieuw_aanbod"
    order = 10
    template_name = "redactie/new_offer_panel.html"

    def get_context_data(self, parent_context):
        buurten = buurten_for_new_offer(parent_context["request"].user)
        return {
            "buurten": buurten,
            "groups": grouped_by_wijk(buurten) if len(buurten) > 1 else [],
            "add_url": add_url(buurten[0]) if len(buurten) == 1 else "",
            "choose_url": reverse("redactie_new_offer"),
        }
