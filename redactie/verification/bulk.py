""" "Klopt nog" for several offers at once: a bulk action in the page listing (tick the offers,
then "Klopt nog"). The same rules as the single button: only offers the user may edit, that
are online and have no draft waiting; the others are listed and left alone."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from aanbod.models import AanbodPage

from .confirm import Refused, confirm, refusal


class KloptNogBulkAction(PageBulkAction):
    display_name = _("Klopt nog")
    action_type = "klopt-nog"
    aria_label = _("Zet bij de gekozen pagina's 'Laatst gecontroleerd op' op vandaag")
    template_name = "redactie/verification/bulk_confirm.html"
    action_priority = 15

    def check_perm(self, page):
        offer = page.specific
        return isinstance(offer, AanbodPage) and refusal(offer, self.request.user) is None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done = 0
        for page in objects:
            try:
                confirm(page.specific, user)
            except Refused:
                continue
            done += 1
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Dank u wel. %(count)d pagina is gecontroleerd: de datum is vandaag.",
            "Dank u wel. %(count)d pagina's zijn gecontroleerd: de datum is vandaag.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
