import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .languages import grouped_language_choices, language_choices
from .widgets import LanguagesWidget


class AanbodPageForm(WagtailAdminPageForm):
    """The offer's editor form: languages as tick boxes with the common ones first and a
    search box, plain messages for missing choices."""

    languages = forms.MultipleChoiceField(
        label=_("talen die we spreken"),
        required=False,
        widget=LanguagesWidget,
        choices=language_choices,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["languages"]
        known = dict(language_choices())
        extra = [code for code in self.initial.get("languages") or [] if code not in known]
        field.choices = grouped_language_choices(extra)
        if "needs" in self.fields:
            self.fields["needs"].error_messages["required"] = _(
                "Kies minstens één hulpvraag. Waar helpt dit aanbod bij?"
            )
        if "summary" in self.fields:
            self.fields["summary"].error_messages["max_length"] = _(
                "De samenvatting is te lang. Maak die korter: hoogstens 300 tekens."
            )


class DateListFormField(forms.CharField):
    """Dates as an editor writes them, "25-12-2026, 1-1-2027", kept as ISO strings in order."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(_written(datetime.date.fromisoformat(day)) for day in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        days = set()
        for part in re.split(r"[,;\s]+", super().to_python(value)):
            if part:
                days.add(_read_date(part).isoformat())
        return sorted(days)


def _written(day: datetime.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


def _read_date(text: str) -> datetime.date:
    for pattern in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise forms.ValidationError(
        _("%(value)s is geen datum. Schrijf de datums zo: 25-12-2026, 1-1-2027."),
        params={"value": text},
    )
