"""Rate limit for the Wagtail admin login, kept in the cache ``limits``, apart from the page cache (shared by all app processes when
the cache is Redis).

Failed attempts are counted per account (the user name as typed, lower-cased) and per client
(a keyed hash of the address, as the feedback form does: the address itself is never stored).
When either count reaches its limit within the window, the login form says so in plain words
and answers 429, without even checking the password, until the window is over.
"""

import time

from django.core.cache import caches
from django.forms.utils import ErrorDict
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import LoginView

from redactie.reports.ratelimit import client_address

PER_ACCOUNT = 5
PER_CLIENT = 20
WINDOW_SECONDS = 15 * 60

MESSAGE = _(
    "U hebt te vaak een verkeerd wachtwoord ingevuld. Wacht 15 minuten en probeer het dan "
    "opnieuw. Wachtwoord vergeten? Vraag een nieuw wachtwoord aan."
)


def _window() -> int:
    return int(time.time() // WINDOW_SECONDS)


def _keys(request, username: str) -> list[tuple[str, int]]:
    account = salted_hmac("security.login.account", username.strip().lower()).hexdigest()[:32]
    client = salted_hmac("security.login.client", client_address(request)).hexdigest()[:32]
    window = _window()
    return [
        (f"login:account:{account}:{window}", PER_ACCOUNT),
        (f"login:client:{client}:{window}", PER_CLIENT),
    ]


def is_blocked(request, username: str) -> bool:
    keys = _keys(request, username)
    counts = caches["limits"].get_many([key for key, _limit in keys])
    return any(counts.get(key, 0) >= limit for key, limit in keys)


def count_failure(request, username: str) -> None:
    for key, _limit in _keys(request, username):
        cache = caches["limits"]
        cache.add(key, 0, WINDOW_SECONDS + 60)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS + 60)


class RateLimitedLoginView(LoginView):
    """Wagtail's login view with the limit in front of the password check."""

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        username = request.POST.get("username", "")
        if is_blocked(request, username):
            # Do not validate the form: that would check the password.
            form._errors = ErrorDict()
            form.cleaned_data = {}
            form.add_error(None, MESSAGE)
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        count_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)
