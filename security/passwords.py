"""Password length rule with a plain Dutch message (Django 5.2's own message for the length
rule has no Dutch translation; the other rules' messages do)."""

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import gettext as _


class LengthValidator(MinimumLengthValidator):
    def get_error_message(self):
        # ValidationError fills in %(min_length)d from its params.
        return _("Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.")

    def get_help_text(self):
        return _("Uw wachtwoord moet minstens %(min_length)d tekens lang zijn.") % {
            "min_length": self.min_length
        }
