"""Languages an offer's people speak: any ISO 639-1 code is accepted; the codes the project
knows have a name, shown in the visitor's language; the rest show the code itself."""

import re

from django.utils.translation import gettext_lazy as _

CODE_RE = re.compile(r"^[a-z]{2,3}$")

LANGUAGE_NAMES = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "pl": _("Pools"),
    "uk": _("Oekraïens"),
    "ru": _("Russisch"),
    "fr": _("Frans"),
    "de": _("Duits"),
    "es": _("Spaans"),
    "pt": _("Portugees"),
    "it": _("Italiaans"),
    "so": _("Somalisch"),
    "ti": _("Tigrinya"),
    "am": _("Amhaars"),
    "fa": _("Perzisch (Farsi)"),
    "ps": _("Pasjtoe"),
    "ku": _("Koerdisch"),
    "zh": _("Chinees"),
    "hi": _("Hindi"),
    "ur": _("Urdu"),
    "bn": _("Bengaals"),
    "bg": _("Bulgaars"),
    "ro": _("Roemeens"),
    "hu": _("Hongaars"),
    "sr": _("Servisch"),
    "bs": _("Bosnisch"),
    "hr": _("Kroatisch"),
    "sq": _("Albanees"),
    "el": _("Grieks"),
    "he": _("Hebreeuws"),
    "vi": _("Vietnamees"),
    "th": _("Thai"),
    "id": _("Indonesisch"),
    "tl": _("Tagalog"),
    "sw": _("Swahili"),
    "ff": _("Fula"),
    "ha": _("Hausa"),
    "yo": _("Yoruba"),
    "ig": _("Igbo"),
    "lt": _("Litouws"),
    "lv": _("Lets"),
    "et": _("Estisch"),
    "sk": _("Slowaaks"),
    "cs": _("Tsjechisch"),
    "fy": _("Fries"),
    "sl": _("Sloveens"),
    "hy": _("Armeens"),
    "ka": _("Georgisch"),
    "az": _("Azerbeidzjaans"),
    "be": _("Wit-Russisch"),
    "da": _("Deens"),
    "sv": _("Zweeds"),
    "no": _("Noors"),
    "fi": _("Fins"),
    "ja": _("Japans"),
    "ko": _("Koreaans"),
    "ta": _("Tamil"),
    "pa": _("Punjabi"),
    "ne": _("Nepalees"),
    "uz": _("Oezbeeks"),
    "ln": _("Lingala"),
    "rw": _("Kinyarwanda"),
    "om": _("Oromo"),
    "sgn": _("Gebarentaal"),
}


def known_languages() -> dict[str, str]:
    return LANGUAGE_NAMES


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code.upper()))


def language_choices() -> list[tuple[str, str]]:
    return list(LANGUAGE_NAMES.items())


# Spoken most by the residents Buurtwijzer serves: shown first in the offer form.
COMMON_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk", "so", "ti", "fa", "es", "fr", "de")


def grouped_language_choices(extra=()) -> list[tuple[str, list[tuple[str, str]]]]:
    """For the offer form: the common languages first, then all others (and ``extra``, codes
    the project has no name for) in the order of their names in the editor's language."""
    common = [(code, language_name(code)) for code in COMMON_LANGUAGES]
    others = [
        (code, language_name(code))
        for code in [*LANGUAGE_NAMES, *extra]
        if code not in COMMON_LANGUAGES
    ]
    others.sort(key=lambda choice: choice[1].casefold())
    return [(str(_("Veel gesproken")), common), (str(_("Andere talen")), others)]
