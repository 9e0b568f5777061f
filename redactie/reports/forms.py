import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from redactie.models import MESSAGE_MAX_LENGTH

# Control characters (but not tab and new line) and the invisible characters that turn the
# direction of text around (they can make a report read differently in the admin). Arabic or
# Hebrew text does not need them and keeps its own direction.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

HONEYPOT = "website"


class MeldingForm(forms.Form):
    message = forms.CharField(
        label=_("Wat klopt er niet?"),
        help_text=format_lazy(
            _(
                "Bijvoorbeeld: de tijd is veranderd, of het telefoonnummer werkt niet. "
                "Hoogstens {max} tekens."
            ),
            max=MESSAGE_MAX_LENGTH,
        ),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf wat er niet klopt."),
            "max_length": _(
                "Uw tekst is %(show_value)d tekens lang. Maak hem korter: hoogstens "
                "%(limit_value)d tekens."
            ),
            "null_characters_not_allowed": _(
                "Er staat een teken in uw tekst dat wij niet kunnen lezen. Typ de tekst opnieuw."
            ),
        },
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        max_length=254,
        help_text=_("Alleen als u antwoord wilt. We gebruiken het alleen voor deze melding."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Dit is geen goed e-mailadres. Bijvoorbeeld: naam@voorbeeld.nl"),
            "max_length": _("Dit e-mailadres is te lang. Kijk of u het goed hebt getypt."),
            "null_characters_not_allowed": _(
                "Dit is geen goed e-mailadres. Bijvoorbeeld: naam@voorbeeld.nl"
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "melding-%s")
        super().__init__(*args, **kwargs)

    def is_spam(self) -> bool:
        """People do not see the honeypot field; programs that fill in every field do."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_message(self):
        message = _INVISIBLE.sub("", self.cleaned_data["message"]).strip()
        if not message:
            raise forms.ValidationError(self.fields["message"].error_messages["required"])
        return message
