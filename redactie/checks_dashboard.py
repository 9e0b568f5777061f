from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from checks.b1 import ABOVE_B1
from redactie.checks_report import needs_work


class ChecksSummaryPanel(Component):
    """On the admin dashboard: how many pages are above B1 or have accessibility errors."""

    name = "taal_en_toegankelijkheid"
    template_name = "redactie/checks_dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        counts = needs_work(parent_context["request"].user).aggregate(
            boven_b1=Count("pk", filter=Q(taalniveau=ABOVE_B1)),
            met_fouten=Count("pk", filter=Q(toegankelijkheid_fouten__gt=0)),
        )
        context.update(counts)
        return context
