from django import forms
from django.utils.translation import gettext_lazy as _

from utrecht.postcode import PostcodeError, lookup


class PostcodeForm(forms.Form):
    """ "Vul uw postcode in": turns what a resident typed into a wijk and buurt."""

    messages = {
        "empty": _("Vul uw postcode in. Bijvoorbeeld: 3582 AB."),
        "malformed": _(
            "Dit is geen postcode. Een postcode heeft 4 cijfers en soms 2 letters. "
            "Bijvoorbeeld: 3582 AB."
        ),
        "outside": _(
            "Deze postcode ligt niet in de gemeente Utrecht. Buurtwijzer gaat alleen over Utrecht. "
            "Bel 14 030 als u hulp zoekt in een andere plaats."
        ),
    }
    no_page_message = _("We kunnen de pagina van deze buurt nu niet vinden. Bel 14 030.")

    postcode = forms.CharField(
        label=_("Vul uw postcode in"),
        help_text=_("Bijvoorbeeld: 3582 AB"),
        max_length=100,
        required=False,
        error_messages={"max_length": messages["malformed"]},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8, "dir": "ltr"}),
    )

    def clean_postcode(self):
        try:
            return lookup(self.cleaned_data.get("postcode") or "")
        except PostcodeError as error:
            raise forms.ValidationError(self.messages[error.kind], code=error.kind) from error
