"""The coordinator's dashboard panel "In uw wijk": the offers of their wijk that were not
checked for half a year (oldest first) and the open 'Klopt er iets niet?' reports, so a
coordinator sees at a glance what their buurten's editors still have to do. A fixed number
of queries, whatever the number of offers."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission

from buurten.models import WijkPage

from .models import Melding
from .verification.rules import due_offers

LIMIT = 10


def wijken_of_coordinator(user) -> list[WijkPage]:
    """The wijken where ``user`` may publish (coordinators), by name."""
    if not user.is_authenticated or not user.is_active:
        return []
    paths = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).values("page__path")
    return list(WijkPage.objects.filter(path__in=paths).order_by("title"))


class WijkPanel(Component):
    name = "in_uw_wijk"
    order = 92
    template_name = "redactie/wijk_dashboard_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        wijken = wijken_of_coordinator(request.user)
        if not wijken:
            return {"wijken": []}
        inside = reduce(or_, (Q(path__startswith=w.path) for w in wijken))
        offers = due_offers(timezone.localdate()).filter(inside).order_by("last_verified", "title")
        reports = (
            Melding.objects.open()
            .filter(reduce(or_, (Q(page__path__startswith=w.path) for w in wijken)))
            .select_related("page")
            .order_by("created_at", "pk")
        )
        shown_offers, shown_reports = list(offers[:LIMIT]), list(reports[:LIMIT])
        return {
            "wijken": wijken,
            "offers": shown_offers,
            "offer_count": offers.count() if len(shown_offers) == LIMIT else len(shown_offers),
            "reports": shown_reports,
            "report_count": reports.count() if len(shown_reports) == LIMIT else len(shown_reports),
            "report_url_name": Melding.snippet_viewset.get_url_name("edit"),
            "reports_url": reverse(Melding.snippet_viewset.get_url_name("list")),
        }
