"""The search form: checks every parameter for the page and the API alike, with messages in
plain Dutch, and turns it into ``Criteria``."""

import contextlib
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from aanbod.languages import CODE_RE, known_languages, language_name
from aanbod.models import Doelgroep
from utrecht.neighbourhoods import buurt_by_code, buurten, wijk_by_code, wijken
from utrecht.postcode import PostcodeError, lookup
from vertalingen.columns import in_visitors_language
from vertalingen.i18n import current_language, translated

from . import catalogue, text, vocabulary
from .criteria import DAYS, MAX_PAGE, AskedNeed, Criteria, Filters, Location
from .understanding import Interpretation

DAY_LABELS = {
    "ma": _("maandag"),
    "di": _("dinsdag"),
    "wo": _("woensdag"),
    "do": _("donderdag"),
    "vr": _("vrijdag"),
    "za": _("zaterdag"),
    "zo": _("zondag"),
}

TRUE = {"1", "true", "ja", "on", "yes"}
FALSE = {"", "0", "false", "nee", "off", "no"}


def _printable(value: str) -> str:
    """Without null bytes and other control characters (a tab or new line becomes a space)."""
    return "".join(
        " " if c in "\t\n\r" else c for c in value if unicodedata.category(c) not in ("Cc", "Cs")
    )


class TextField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Null bytes are removed below instead of refused with Django's English message.
        self.validators = [v for v in self.validators if "Null" not in type(v).__name__]

    def to_python(self, value):
        if isinstance(value, str):
            value = _printable(value)
        return super().to_python(value)


class FlagInput(forms.CheckboxInput):
    """A checkbox that hands the sent value to the field as it is, so "misschien" is an
    error instead of a yes."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: str(value).strip().lower() in TRUE)

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def format_value(self, value):
        return None


class FlagField(forms.Field):
    """Yes or no: a checkbox on the page (sends "on"), true/false in the API."""

    widget = FlagInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in (True, False):
            return value
        if value is None:
            return False
        word = str(value).strip().lower()
        if word in TRUE:
            return True
        if word in FALSE:
            return False
        raise forms.ValidationError(_("Kies ja of nee (true of false)."), code="invalid")


class CodesField(forms.MultipleChoiceField):
    """Several codes: repeated (hulpvraag=a&hulpvraag=b) or with commas (hulpvraag=a,b)."""

    def to_python(self, value):
        values = super().to_python(value)
        return list(
            dict.fromkeys(v.strip() for item in values for v in item.split(",") if v.strip())
        )


def _need_choices():
    vocab = vocabulary.current()
    codes = sorted(
        {code for code, language in vocab.labels if language == "nl"},
        key=lambda c: (vocab.sort_order.get(c, 0), c),
    )
    return [(code, vocab.label(code, current_language())[1]) for code in codes]


def _target_group_choices():
    """In the page's language; Dutch where a group has no translation."""
    return [
        (group.code, str(translated(group, "label")))
        for group in in_visitors_language(Doelgroep.objects)
    ]


def _buurt_choices():
    groups = []
    for wijk in wijken():
        groups.append(
            (wijk.name, [(b.code, b.name) for b in buurten() if b.wijk_code == wijk.code])
        )
    return [("", _("Alle buurten")), *groups]


def _wijk_choices():
    return [("", _("Alle wijken")), *((w.code, w.name) for w in wijken())]


def _language_choices():
    return [("", _("Maakt niet uit")), *((c, language_name(c)) for c in known_languages())]


class SearchForm(forms.Form):
    """Every parameter of a search, for the page and the API (``search.api`` documents them
    from these fields)."""

    # The parameters that narrow the results (the page opens its filter panel for them).
    FILTERS = (
        "wijk",
        "buurt",
        "hulpvraag",
        "doelgroep",
        "gratis",
        "inloop",
        "rolstoel",
        "dag",
        "spreekt",
    )

    q = TextField(
        label=_("Waar zoekt u hulp bij?"),
        help_text=_("Schrijf het in uw eigen woorden. Bijvoorbeeld: ik voel me alleen."),
        required=False,
        max_length=text.MAX_CHARS,
        error_messages={
            "max_length": _("Uw zoekvraag is te lang. Gebruik hoogstens %(limit_value)d tekens.")
        },
        widget=forms.TextInput(
            attrs={"type": "search", "list": "bw-hulpvragen", "autocomplete": "off"}
        ),
    )
    postcode = TextField(
        label=_("Uw postcode"),
        help_text=_("Dan ziet u eerst wat dichtbij is. Bijvoorbeeld: 3582 AB."),
        required=False,
        max_length=20,
        error_messages={
            "max_length": _("Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 3582 AB.")
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "postal-code",  # field_widget adds the postcode width
                "dir": "ltr",  # "3533 AB", also on an Arabic page
            }
        ),
    )
    wijk = forms.ChoiceField(label=_("Wijk"), required=False, choices=_wijk_choices)
    buurt = forms.ChoiceField(label=_("Buurt"), required=False, choices=_buurt_choices)
    hulpvraag = CodesField(
        label=_("Onderwerp"),
        required=False,
        choices=_need_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    doelgroep = CodesField(
        label=_("Voor wie"),
        required=False,
        choices=_target_group_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    gratis = FlagField(label=_("Alleen gratis"))
    inloop = FlagField(label=_("Zonder aanmelden, u kunt zo binnenlopen"))
    rolstoel = FlagField(label=_("Toegankelijk met een rolstoel"))
    dag = forms.ChoiceField(
        label=_("Op welke dag?"),
        required=False,
        choices=[("", _("Maakt niet uit")), *DAY_LABELS.items()],
    )
    spreekt = forms.ChoiceField(label=_("Ze spreken"), required=False, choices=_language_choices)
    taal = forms.CharField(required=False, widget=forms.HiddenInput)
    zonder = CodesField(
        required=False,
        choices=lambda: _need_choices() + _target_group_choices(),
        widget=forms.MultipleHiddenInput,
    )
    pagina = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("Het paginanummer moet een heel getal zijn, bijvoorbeeld 2."),
            "min_value": _("Het paginanummer moet 1 of hoger zijn."),
            "max_value": _("Het paginanummer mag hoogstens %(limit_value)d zijn."),
        },
    )

    messages = {
        "invalid_choice_buurt": _(
            "Die buurt kennen we niet. Gebruik de code van het CBS, bijvoorbeeld BU03440112."
        ),
        "invalid_choice_wijk": _(
            "Die wijk kennen we niet. Gebruik de code van het CBS, bijvoorbeeld WK034401."
        ),
        "invalid_choice_hulpvraag": _("Dat onderwerp kennen we niet: %(value)s."),
        "invalid_choice_zonder": _("Dat onderwerp kennen we niet: %(value)s."),
        "invalid_choice_doelgroep": _("Die groep kennen we niet: %(value)s."),
        "invalid_choice_dag": _("Kies een dag: ma, di, wo, do, vr, za of zo."),
        "invalid_choice_spreekt": _(
            "Gebruik een taalcode van twee letters, bijvoorbeeld ar voor Arabisch."
        ),
    }

    def __init__(self, data=None, *, language="nl", **kwargs):
        """``language``: what ``taal`` means when it is not given (the page's language)."""
        self.default_language = language
        if data is not None:
            data = data.copy()
            for name in ("buurt", "wijk"):
                if isinstance(data.get(name), str):
                    data[name] = data[name].strip().upper()
            for name in ("dag", "spreekt", "taal"):
                if isinstance(data.get(name), str):
                    data[name] = data[name].strip().lower()
        super().__init__(data, **kwargs)
        for name, field in self.fields.items():
            if f"invalid_choice_{name}" in self.messages:
                field.error_messages["invalid_choice"] = self.messages[f"invalid_choice_{name}"]
        self.postcode_match = None

    def shorten_lists_for_the_page(self):
        """The page's long lists hold only what can find something: the buurten of the chosen
        buurt's wijk, or else of the chosen wijk (without one, it asks for a wijk first), and
        the languages that some offer speaks. All 111 buurten and 64 languages were 9 KB of
        every search page. Only what is shown changes: every code is still accepted."""
        buurt = buurt_by_code(self["buurt"].value() or "")
        code = buurt.wijk_code if buurt else self["wijk"].value()
        own = [(b.code, b.name) for b in buurten() if b.wijk_code == code]
        first = _("Alle buurten") if own else _("Kies eerst een wijk")
        self.fields["buurt"].widget.choices = [("", first), *own]
        spoken = catalogue.spoken_languages() | {self["spreekt"].value()}
        self.fields["spreekt"].widget.choices = [
            (code, name)
            for code, name in self.fields["spreekt"].choices
            if not code or code in spoken
        ]

    def clean_postcode(self):
        raw = self.cleaned_data["postcode"].strip()
        if not raw:
            return ""
        try:
            self.postcode_match = lookup(raw)
        except PostcodeError as error:
            if error.kind == "outside":
                raise forms.ValidationError(
                    _("Deze postcode ligt niet in de gemeente Utrecht. Kies dan een wijk."),
                    code="outside",
                ) from None
            raise forms.ValidationError(
                _(
                    "Dit is geen postcode. Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 3582 AB."
                ),
                code="malformed",
            ) from None
        return self.postcode_match.postcode

    def clean_taal(self):
        code = self.cleaned_data["taal"] or self.default_language
        if not CODE_RE.fullmatch(code) or code not in known_languages():
            raise forms.ValidationError(
                _(
                    "Die taal kennen we niet. Gebruik een taalcode van twee letters, bijvoorbeeld en."
                ),
                code="invalid",
            )
        return code

    # After is_valid() ----------------------------------------------------------------

    def location(self, interpretation: Interpretation) -> Location | None:
        data = self.cleaned_data
        if self.postcode_match:
            return Location.of_postcode(self.postcode_match)
        if interpretation.postcode:
            # "taalcafe 3531": a postcode in the words counts when no postcode was given.
            with contextlib.suppress(PostcodeError):
                return Location.of_postcode(lookup(interpretation.postcode))
        if data["buurt"] and buurt_by_code(data["buurt"]):
            return Location.of_buurt(data["buurt"])
        if data["wijk"] and wijk_by_code(data["wijk"]):
            return Location.of_wijk(data["wijk"])
        return None

    def criteria(self, interpretation: Interpretation) -> Criteria:
        """What is asked: the checked parameters with what was read in the words."""
        data = self.cleaned_data
        filters = Filters(
            buurt=data["buurt"],
            wijk=data["wijk"],
            needs=tuple(data["hulpvraag"]),
            target_groups=tuple(data["doelgroep"]),
            free=data["gratis"],
            walk_in=data["inloop"],
            wheelchair=data["rolstoel"],
            day=DAYS.index(data["dag"]) if data["dag"] else None,
            speaks=data["spreekt"],
        )
        return Criteria(
            terms=tuple(interpretation.terms),
            needs=tuple(AskedNeed(n.code, n.related, n.weight) for n in interpretation.needs),
            groups=tuple(g.code for g in interpretation.groups),
            filters=filters,
            location=self.location(interpretation),
            page=data["pagina"] or 1,
            nothing_understood=interpretation.nothing_understood,
            language=data["taal"],
        )
