"""The list page's form for the A4 sheet: the referrer's name and a note for the resident.
Sent to the sheet in its address (GET), printed there, never stored."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_FROM = 80
MAX_NOTE = 400


class SheetNoteForm(forms.Form):
    ids = forms.CharField(widget=forms.HiddenInput)
    van = forms.CharField(
        label=_("Uw naam en organisatie"),
        max_length=MAX_FROM,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 40}),
    )
    notitie = forms.CharField(
        label=_("Notitie voor de bewoner"),
        help_text=_("Alleen op het blad. Wij bewaren dit niet."),
        max_length=MAX_NOTE,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
    )
