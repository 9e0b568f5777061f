"""Logging in to the admin with the e-mail address. An invited editor's user name is their
e-mail address; administrators made before that (``admin``) keep their user name. The login
form asks for the e-mail address, in Dutch with "u"."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


def username_for(typed: str) -> str:
    """The user name of the account someone means when they type this at the login: the user
    name itself, or else the one account with this e-mail address (any case)."""
    users = get_user_model()._default_manager
    if users.filter(username=typed).exists():
        return typed
    matches = list(users.filter(email__iexact=typed).values_list("username", flat=True)[:2])
    # Two accounts with one address: neither is guessed.
    return matches[0] if len(matches) == 1 else typed


class EmailOrUsernameBackend(ModelBackend):
    """Finds the account by user name, or else by its e-mail address (any case)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and password is not None:
            username = username_for(username.strip())
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginForm(WagtailLoginForm):
    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mailadres")
        self.fields["username"].widget.attrs["placeholder"] = _("Uw e-mailadres")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].label = _("Wachtwoord")
        self.fields["password"].widget.attrs["placeholder"] = _("Uw wachtwoord")
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
