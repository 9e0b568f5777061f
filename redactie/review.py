"""The coordinator's review. The dashboard panel "Wacht op uw beoordeling": each page in a
workflow step the reviewer may act on, with the stored result of its checks (language level
and accessibility errors), so a coordinator sees before opening it what the review is about;
it replaces Wagtail's own "Awaiting your review" panel, which shows the same pages without
the checks. And after approving, a message that says so."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from checks.b1 import ABOVE_B1
from checks.models import PaginaControle
from checks.presenters import verdict_label

REPLACED_PANEL = "workflow_objects_to_moderate"


class ReviewPanel(Component):
    name = "wacht_op_uw_beoordeling"
    order = 90
    template_name = "redactie/review_dashboard_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        states = list(
            TaskState.objects.reviewable_by(user)
            .filter(workflow_state__base_content_type=ContentType.objects.get_for_model(Page))
            .select_related("revision", "workflow_state__requested_by")
            .order_by("-started_at")
        )
        page_ids = {int(state.revision.object_id) for state in states}
        pages = Page.objects.in_bulk(page_ids)
        checks = PaginaControle.objects.in_bulk(page_ids)
        items = []
        for state in states:
            page_id = int(state.revision.object_id)
            if page_id not in pages:
                continue
            check = checks.get(page_id)
            items.append(
                {
                    "page": pages[page_id],
                    "submitted_by": state.workflow_state.requested_by,
                    "started_at": state.started_at,
                    "level": verdict_label(check.taalniveau if check else ""),
                    "above_b1": bool(check) and check.taalniveau == ABOVE_B1,
                    "errors": check.toegankelijkheid_fouten if check else None,
                }
            )
        return {"items": items}


def approval_message(request, page):
    """Wagtail confirms a review step with its message for saving ("... is opgeslagen"); the
    reviewer also reads what the approval did: the page is online, or goes to the next step."""
    if request.POST.get("workflow-action-name") != "approve":
        return
    title = page.get_admin_display_title()
    if page.workflow_in_progress:
        text = gettext("U heeft '%(title)s' goedgekeurd. De pagina gaat naar de volgende stap.")
    else:
        text = gettext("U heeft '%(title)s' goedgekeurd. De pagina staat nu op de website.")
    messages.success(request, text % {"title": title})
