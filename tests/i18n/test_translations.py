"""The interface translations: complete .po files for the six languages, up to date with the
code, and no interface text that cannot be translated."""

import re
from collections import Counter

import polib
import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

from aanbod.languages import language_name

from .sources import (
    LANGUAGES,
    LOCALE_DIR,
    bare_python_strings,
    bare_strings_in_python,
    bare_template_strings,
    bare_text_in_template,
    extracted_messages,
)

NPLURALS = {"nl": 2, "en": 2, "tr": 2, "pl": 3, "uk": 3, "ar": 6}
PLACEHOLDER = re.compile(r"%\([a-zA-Z_][a-zA-Z0-9_]*\)[sdif]|%[sdif]|\{[a-zA-Z_][a-zA-Z0-9_]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
PHONE = "14 030"
COUNTERS = {"%(counter)s", "%(count)d"}


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def translations(entry):
    """(what it translates, translation) for each form of an entry."""
    if entry.msgid_plural:
        return [
            (entry.msgid if n == 0 else entry.msgid_plural, text)
            for n, text in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


def test_there_is_a_po_file_for_each_of_the_six_languages():
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
    assert found == sorted(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"])[1])
    assert nplurals == NPLURALS[language]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    assert not po.obsolete_entries()
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid
        for source, text in translations(entry):
            assert text.strip(), f"{language}: no translation for {source!r}"


def plural_problems(entry):
    """A plural form may leave out the number (Arabic says "two pages" in one word, and
    Ukrainian's first form also serves 21, 31, ...), but no other placeholder; the last
    form, used for most numbers, has exactly the placeholders of the Dutch plural."""
    allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
    needed = set(PLACEHOLDER.findall(entry.msgid_plural)) - COUNTERS
    forms = [text for _n, text in sorted(entry.msgstr_plural.items())]
    for text in forms:
        found = set(PLACEHOLDER.findall(text))
        if not found <= allowed or not needed <= found:
            yield f"{entry.msgid_plural!r} -> {text!r}"
    if Counter(PLACEHOLDER.findall(forms[-1])) != Counter(PLACEHOLDER.findall(entry.msgid_plural)):
        yield f"last form: {entry.msgid_plural!r} -> {forms[-1]!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_tags_and_the_phone_number_stay_as_they_are(language):
    problems = []
    for entry in catalogue(language):
        if entry.msgid_plural:
            problems.extend(plural_problems(entry))
        for source, text in translations(entry):
            placeholders = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(text))
            if not entry.msgid_plural and placeholders[0] != placeholders[1]:
                problems.append(f"{source!r} -> {text!r}")
            if Counter(HTML_TAG.findall(source)) != Counter(HTML_TAG.findall(text)):
                problems.append(f"tags: {source!r} -> {text!r}")
            if PHONE in entry.msgid + (entry.msgid_plural or "") and PHONE not in text:
                problems.append(f"phone number: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_the_dutch_catalogue_repeats_the_source_text():
    for entry in catalogue("nl"):
        if entry.msgid_plural:
            assert entry.msgstr_plural == {0: entry.msgid, 1: entry.msgid_plural}
        else:
            assert entry.msgstr == entry.msgid


def test_the_po_files_hold_exactly_what_the_code_asks_for():
    """What `makemessages` would extract today; run `make messages` after changing texts."""
    wanted = extracted_messages()
    for language in LANGUAGES:
        present = {(e.msgctxt, e.msgid, e.msgid_plural or None) for e in catalogue(language)}
        assert not wanted - present, f"{language}: missing {sorted(wanted - present, key=str)}"
        assert not present - wanted, f"{language}: not used {sorted(present - wanted, key=str)}"


def test_no_template_shows_text_that_cannot_be_translated():
    found = [f"{path}: {text}" for path, text in bare_template_strings()]
    assert not found, "Wrap in {% translate %} or {% blocktranslate %}:\n" + "\n".join(found)


def test_no_python_code_shows_text_that_cannot_be_translated():
    found = [f"{where}: {literal}" for where, literal in bare_python_strings()]
    assert not found, "Wrap in gettext / gettext_lazy:\n" + "\n".join(found)


def test_the_template_check_finds_bare_text_and_attributes():
    template = """{% load i18n %}{# a comment with words #}
    {% comment %}Also words{% endcomment %}
    <h1>{% translate "Welkom" %}</h1>
    <p>Klik hier</p>
    <img src="a.png" alt="Een foto">
    <nav aria-label="{% translate 'Menu' %}"><a href="/" title="Naar huis">{{ page.title }}</a></nav>
    <input type="submit" value="Zoek"><input type="text" value="{{ q }}" placeholder="Typ hier">
    <p>{% blocktranslate with n=count %}{{ n }} dingen{% endblocktranslate %} Buurtwijzer Utrecht</p>
    <script>const word = "nee";</script>
    <p>{{ page.owner|default:"Onbekend" }}, {{ page.phone|default:"14 030" }}</p>
    <html lang="{{ LANGUAGE_CODE|default:'nl' }}">
    """
    assert sorted(bare_text_in_template(template)) == sorted(
        ["Klik hier", "Een foto", "Naar huis", "Zoek", "Typ hier", "Onbekend, 14 030"]
    )


def test_the_python_check_finds_bare_messages_labels_and_errors():
    source = """
from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _

class Form(forms.Form):
    name = forms.CharField(label="Naam", help_text=_("Uw naam"))
    kind = forms.ChoiceField(choices=[("a", "Soort A"), ("b", _("Soort B"))])

def view(request, name):
    messages.success(request, "Opgeslagen")
    messages.error(request, _("Mislukt"))
    logger.error("Not shown to anyone")
    if not name:
        raise forms.ValidationError(f"{name} ontbreekt")
    return JsonResponse({"error": "Dit bestaat niet.", "code": "not_found"})
"""
    found = [literal for _line, literal in bare_strings_in_python(source)]
    assert sorted(found) == sorted(
        ["'Naam'", "'Soort A'", "'Opgeslagen'", "f'{name} ontbreekt'", "'Dit bestaat niet.'"]
    )


def test_the_compiled_translations_are_used():
    """compile_translations writes .mo files that Django reads, plurals included."""
    call_command("compile_translations", verbosity=0)
    with translation.override("en"):
        assert translation.gettext("Pagina niet gevonden") == "Page not found"
    with translation.override("ar"):
        text = translation.gettext("Pagina niet gevonden")
        assert text and text != "Pagina niet gevonden"
    with translation.override("pl"):
        forms = {
            translation.ngettext(
                "We vonden %(counter)s plek of activiteit.",
                "We vonden %(counter)s plekken en activiteiten.",
                n,
            )
            for n in (1, 3, 5)
        }
        assert len(forms) == 3


@pytest.mark.parametrize("language", ["en", "ar", "tr", "pl", "uk"])
def test_the_error_page_speaks_the_visitors_language(language):
    call_command("compile_translations", verbosity=0)
    wanted = next(e.msgstr for e in catalogue(language) if e.msgid == "Er ging iets mis")
    with translation.override(language):
        html = render_to_string("500.html")
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert f'<h1 class="utrecht-heading-1">{wanted}</h1>' in html
    assert "Er ging iets mis" not in html


def test_language_names_are_shown_in_the_visitors_language():
    call_command("compile_translations", verbosity=0)
    with translation.override("nl"):
        assert language_name("ar") == "Arabisch"
    with translation.override("en"):
        assert [language_name(c) for c in ("ar", "uk", "sgn")] == [
            "Arabic",
            "Ukrainian",
            "Sign language",
        ]
    with translation.override("tr"):
        assert language_name("ar") == "Arapça"
    assert language_name("xx") == "XX"  # a code without a name shows the code
