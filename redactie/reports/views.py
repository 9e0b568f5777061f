"""The POST view of the 'Klopt er iets niet?' form on an offer page.

Without JavaScript: a mistake shows the offer page again with the message under the field and
what the visitor typed (status 400; 429 when the rate limit is reached); a report that is
received redirects to the offer page with a thank-you (Post/Redirect/Get). Nothing but what
the visitor typed is stored."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from aanbod.models import AanbodPage
from redactie.models import Melding
from security.clients import client_address
from security.limits import Limit

from . import origin
from .forms import MeldingForm

WINDOW_SECONDS = 60 * 60
# Per visitor (a keyed hash of their address) and, against a flood from many addresses
# filling the editors' inbox, for everyone together.
PER_VISITOR = Limit("melding", 5, WINDOW_SECONDS)
EVERYONE = Limit("melding-alle", 200, WINDOW_SECONDS)

ANCHOR = "klopt-er-iets-niet"
SENT_PARAMETER = "melding"
SENT_VALUE = "verstuurd"

TOO_MANY = {
    "client": _(
        "U hebt in korte tijd veel meldingen gestuurd. Probeer het over een uur opnieuw. "
        "Of bel 14 030."
    ),
    "global": _(
        "Er komen nu heel veel meldingen binnen. Probeer het later opnieuw. Of bel 14 030."
    ),
}


def _offer_page_with_form(request, offer, form, status):
    request.is_preview = False
    context = offer.get_context(request)
    context["feedback_form"] = form
    return TemplateResponse(request, offer.get_template(request), context, status=status)


@csrf_exempt  # no token in the cached page; protected by the Origin check (origin.py)
@require_http_methods(["GET", "POST"])
def melding_view(request, page_id):
    offer = get_object_or_404(AanbodPage.objects.visible(), pk=page_id)
    offer_url = offer.get_url(request)
    if offer_url is None:
        raise Http404
    if request.method == "GET":
        return redirect(f"{offer_url}#{ANCHOR}")

    if not origin.is_same_site(request):
        raise PermissionDenied
    form = MeldingForm(request.POST)
    client = client_address(request)
    limit = _take(client)
    if limit:
        form.is_valid()
        form.add_error(None, TOO_MANY[limit])
        response = _offer_page_with_form(request, offer, form, status=429)
        response["Retry-After"] = str(WINDOW_SECONDS)
        return response
    if form.is_spam():  # counted, and looks like success
        return redirect(f"{offer_url}?{SENT_PARAMETER}={SENT_VALUE}#{ANCHOR}")
    if not form.is_valid():  # a mistake does not count
        PER_VISITOR.give_back(client)
        EVERYONE.give_back()
        return _offer_page_with_form(request, offer, form, status=400)

    Melding.objects.create(
        page=offer, message=form.cleaned_data["message"], email=form.cleaned_data["email"]
    )
    return redirect(f"{offer_url}?{SENT_PARAMETER}={SENT_VALUE}#{ANCHOR}")


def _take(client: str) -> str | None:
    """Count this report; ``"client"`` or ``"global"`` when that limit is past (then it is
    not counted)."""
    if not PER_VISITOR.take(client):
        PER_VISITOR.give_back(client)
        return "client"
    if not EVERYONE.take():
        EVERYONE.give_back()
        PER_VISITOR.give_back(client)
        return "global"
    return None
