from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem


class BuurtwijzerCheckerItem(ContentCheckerItem):
    """Wagtail's content checker (axe in the user bar and the editor's checks panel), set up
    for this site: more of axe's own rules that editors can act on, Dutch words for useless
    alt texts ('foto', 'afbeelding'), and messages in plain Dutch."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "image-redundant-alt",
        "link-in-text-block",
        "list",
        "listitem",
        "th-has-data-cells",
        "td-has-header",
        "valid-lang",
        "duplicate-id-aria",
    ]
    axe_custom_checks = [
        {
            "id": "check-image-alt-text",
            "options": {
                # a file name, an underscore, or only a word like 'foto' or 'afbeelding'
                "pattern": r"\.(avif|gif|jpg|jpeg|png|svg|webp)$|_|^\s*(foto|afbeelding|plaatje|beeld|image|img|logo|icoon)\s*$"
            },
        },
        {"id": "check-empty-meta-description"},
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "alt-text-quality": {
            "error_name": _("De alt-tekst zegt niet wat er op de afbeelding staat"),
            "help_text": _(
                "Schrijf in een korte zin wat er te zien is, geen bestandsnaam of 'foto'."
            ),
        },
        "image-alt": {
            "error_name": _("Afbeelding zonder alt-tekst"),
            "help_text": _("Schrijf wat er op de afbeelding staat, of kies 'decoratief'."),
        },
        "image-redundant-alt": {
            "error_name": _("De alt-tekst herhaalt de tekst ernaast"),
            "help_text": _(
                "Vertel iets wat nog niet in de tekst staat, of laat de alt-tekst leeg."
            ),
        },
        "link-in-text-block": {
            "error_name": _("Link valt niet op in de tekst"),
            "help_text": _(
                "Een link moet meer dan alleen een andere kleur hebben, bijvoorbeeld een streep eronder."
            ),
        },
        "list": {
            "error_name": _("Lijst is niet goed opgebouwd"),
            "help_text": _("Gebruik de knoppen voor een lijst met bolletjes of nummers."),
        },
        "listitem": {
            "error_name": _("Lijstpunt staat niet in een lijst"),
            "help_text": _("Gebruik de knoppen voor een lijst met bolletjes of nummers."),
        },
        "th-has-data-cells": {
            "error_name": _("Kopcel zonder gegevens"),
            "help_text": _("Elke kopcel in een tabel hoort bij cellen met gegevens."),
        },
        "td-has-header": {
            "error_name": _("Tabelcel zonder kopcel"),
            "help_text": _(
                "Geef de tabel kopcellen, zodat duidelijk is wat er in elke kolom staat."
            ),
        },
        "valid-lang": {
            "error_name": _("Onbekende taalcode"),
            "help_text": _("Gebruik een taalcode als nl, en of ar."),
        },
        "duplicate-id-aria": {
            "error_name": _("Dubbel id"),
            "help_text": _("Elk id op de pagina moet anders zijn."),
        },
    }


def use_buurtwijzer_checker(request, items, page=None):
    """construct_wagtail_userbar: swap Wagtail's content checker for ours, keeping its place."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, BuurtwijzerCheckerItem):
            items[index] = BuurtwijzerCheckerItem(in_editor=item.in_editor)
