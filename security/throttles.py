"""Throttles in front of two forms Wagtail leaves open to guessing (counters in
``security.limits``):

- the admin's password reset: at most ``RESET_PER_CLIENT`` requests an hour from one address
  (then 429 with a plain message), and at most ``RESET_PER_ADDRESS`` e-mails an hour to one
  e-mail address; past that the form answers as always, so it tells nobody whether the
  address has an account, but sends nothing;
- a page's password (a page view restriction): at most ``PAGE_PASSWORD_PER_CLIENT`` wrong
  guesses per restriction and address in 15 minutes, then 429 in the visitor's language,
  without checking the password.
"""

from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .clients import client_address
from .limits import Limit

RESET_PER_CLIENT = 5
RESET_PER_ADDRESS = 3
PAGE_PASSWORD_PER_CLIENT = 10

RESET_CLIENT = Limit("reset-client", RESET_PER_CLIENT, 60 * 60)
RESET_ADDRESS = Limit("reset-address", RESET_PER_ADDRESS, 60 * 60)
PAGE_PASSWORD = Limit("page-password", PAGE_PASSWORD_PER_CLIENT, 15 * 60)

RESET_MESSAGE = _(
    "U hebt vaak een nieuw wachtwoord aangevraagd. Kijk in uw e-mail, ook bij de ongewenste "
    "e-mail. Of probeer het over een uur opnieuw."
)
PAGE_PASSWORD_MESSAGE = _(
    "U hebt te vaak een verkeerd wachtwoord ingevuld. Wacht 15 minuten en probeer het dan "
    "opnieuw. Weet u het wachtwoord niet? Vraag het aan wie u deze pagina gaf."
)


def _refused(form, message):
    """The form again with one message and no field checked."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, message)
    return form


class ThrottledPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        if not RESET_CLIENT.take(client_address(self.request)):
            response = self.form_invalid(_refused(form, RESET_MESSAGE))
            response.status_code = 429
            response["Retry-After"] = str(RESET_CLIENT.window_seconds)
            return response
        if not RESET_ADDRESS.take(form.cleaned_data["email"].strip().lower()):
            return redirect(self.get_success_url())  # the usual answer, without an e-mail
        return super().form_valid(form)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, with the throttle in front of the password check."""
    if request.method == "POST":
        client = client_address(request)
        if not PAGE_PASSWORD.take(str(page_view_restriction_id), client):
            restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
            page = get_object_or_404(Page, id=page_id).specific
            form = _refused(
                PasswordViewRestrictionForm(instance=restriction, initial=request.POST),
                PAGE_PASSWORD_MESSAGE,
            )
            action_url = reverse(
                "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
            )
            response = page.serve_password_required_response(request, form, action_url)
            response.status_code = 429
            response["Retry-After"] = str(PAGE_PASSWORD.window_seconds)
            return response
        response = wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        )
        if response.status_code == 302:  # the right password: this guess does not count
            PAGE_PASSWORD.give_back(str(page_view_restriction_id), client)
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
