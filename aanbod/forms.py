from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .languages import language_choices, language_name


class AanbodPageForm(WagtailAdminPageForm):
    """The offer's editor form: languages as tick boxes, plain messages for missing choices."""

    languages = forms.MultipleChoiceField(
        label=_("talen die we spreken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=language_choices,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["languages"]
        known = dict(language_choices())
        extra = [
            (code, language_name(code))
            for code in self.initial.get("languages") or []
            if code not in known
        ]
        field.choices = language_choices() + extra
        if "needs" in self.fields:
            self.fields["needs"].error_messages["required"] = _(
                "Kies minstens één hulpvraag. Waar helpt dit aanbod bij?"
            )
        if "summary" in self.fields:
            self.fields["summary"].error_messages["max_length"] = _(
                "De samenvatting is te lang. Maak die korter: hoogstens 300 tekens."
            )
