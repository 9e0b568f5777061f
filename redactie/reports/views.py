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

from . import origin, ratelimit
from .forms import MeldingForm

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
    client = ratelimit.client_key(request)
    limit = ratelimit.limit_reached(client)
    if limit:
        form.is_valid()
        form.add_error(None, TOO_MANY[limit])
        response = _offer_page_with_form(request, offer, form, status=429)
        response["Retry-After"] = str(ratelimit.WINDOW_SECONDS)
        return response
    if form.is_spam():
        ratelimit.count(client)
        return redirect(f"{offer_url}?{SENT_PARAMETER}={SENT_VALUE}#{ANCHOR}")
    if not form.is_valid():
        return _offer_page_with_form(request, offer, form, status=400)

    Melding.objects.create(
        page=offer, message=form.cleaned_data["message"], email=form.cleaned_data["email"]
    )
    ratelimit.count(client)
    return redirect(f"{offer_url}?{SENT_PARAMETER}={SENT_VALUE}#{ANCHOR}")
