"""Rate limit for the Wagtail admin login (counters in ``security.limits``).

- Per account *and* client (the user name as typed, lower-cased, with the visitor's address):
  ``PER_PAIR`` wrong passwords within the window, then that client is stopped for that account.
  Somebody guessing elsewhere does not lock the real editor out.
- Per client: ``PER_CLIENT`` wrong passwords for any accounts (one address trying many).
- Per account, from all clients together: after ``NOTICE_AFTER`` wrong passwords the account's
  owner gets one e-mail in the window, so a guess from many addresses does not go unnoticed.

Each attempt is counted before the password is checked, atomically, so concurrent attempts
cannot slip past the limit; a successful login gives its count back. A stopped attempt is
answered with 429 and a plain message, without checking the password at all.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.account import LoginView

from aanbod.public import public_url

from .clients import client_address
from .email_login import username_for
from .limits import Limit

WINDOW_SECONDS = 15 * 60
PER_PAIR = 5
PER_CLIENT = 20
NOTICE_AFTER = 10

PAIR = Limit("login-pair", PER_PAIR, WINDOW_SECONDS)
CLIENT = Limit("login-client", PER_CLIENT, WINDOW_SECONDS)
ACCOUNT = Limit("login-account", NOTICE_AFTER, WINDOW_SECONDS)

MESSAGE = gettext_lazy(
    "U hebt te vaak een verkeerd wachtwoord ingevuld. Wacht 15 minuten en probeer het dan "
    "opnieuw. Wachtwoord vergeten? Vraag een nieuw wachtwoord aan."
)


def _account(username: str) -> str:
    return username.strip().lower()


def _tell_the_owner(username: str) -> None:
    """One e-mail to the account's owner: many wrong passwords were tried for their account."""
    # The account the login itself would use for what was typed (security/email_login.py).
    users = get_user_model().objects.filter(username=username_for(username), is_active=True)
    reset = public_url(reverse("wagtailadmin_password_reset"))
    for user in users.exclude(email=""):
        send_mail(
            _("Buurtwijzer: veel pogingen om in te loggen met uw account"),
            _(
                "Iemand heeft in het kwartier voor dit bericht %(count)d keer een verkeerd "
                "wachtwoord ingevuld voor uw account bij Buurtwijzer.\n\n"
                "Wij houden zulke pogingen tegen. U kunt gewoon inloggen.\n\n"
                "Was u dit niet? Kies dan een nieuw, sterk wachtwoord: %(reset)s"
            )
            % {"count": NOTICE_AFTER, "reset": reset},
            None,
            [user.email],
        )


class RateLimitedLoginView(LoginView):
    """Wagtail's login view with the limit in front of the password check."""

    def post(self, request, *args, **kwargs):
        account, client = _account(request.POST.get("username", "")), client_address(request)
        within = [PAIR.take(account, client), CLIENT.take(client)]  # both always counted
        if not all(within):
            form = self.get_form()
            # Do not validate the form: that would check the password.
            form._errors = ErrorDict()
            form.cleaned_data = {}
            form.add_error(None, MESSAGE)
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        account, client = (
            _account(self.request.POST.get("username", "")),
            client_address(self.request),
        )
        PAIR.clear(account, client)
        CLIENT.give_back(client)
        return super().form_valid(form)

    def form_invalid(self, form):
        typed = self.request.POST.get("username", "").strip()
        account = _account(typed)
        ACCOUNT.take(account)
        if ACCOUNT.used(account) == NOTICE_AFTER:
            _tell_the_owner(typed)
        return super().form_invalid(form)
