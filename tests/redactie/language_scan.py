"""What an editor reads on an admin page that is not the admin in Dutch with "u": English
interface words, and "je"/"jouw"/"jij". Used on the HTML of the test client and on the
visible text of the browser journey."""

import re
from html import unescape

# Wagtail and Django texts that stayed English on the pages an editor opens (each was found
# on one of them), and common English interface words.
ENGLISH = re.compile(
    r"\b(Password|Username|Sign in|Actions|View|Edit|Save|Publish|Submit|Delete|Cancel|"
    r"Search|Settings|Pages?|Add|Fields?|True|False|None|Yes|No|Draft|"
    r"Preview|History|Your|You|the|and|for|with)\b"
)
INFORMAL = re.compile(r"\b(je|jouw|jij|jou|jezelf)\b", re.IGNORECASE)
# Wagtail's and Django's Dutch that is wrong or above B1: words glued to numbers
# ("1-1van 1pagina"), the status "LIVE", "Voer ter verificatie nogmaals het wachtwoord in".
WRONG_DUTCH = re.compile(
    r"\dvan\b|\bvan \d+[^\W\d]|\b(LIVE|Live|live)\b|\bter verificatie\b|\bnogmaals\b"
)
# Names that are the same in every language, and content rather than interface: the need
# "Niet lekker in je hoofd" is the residents' own wording (inrichting/data/hulpvragen.json).
ALLOWED = ["Niet lekker in je hoofd", "Wagtail", "Buurtwijzer Utrecht", "English"]


# A tag, with quoted attributes that may hold ">" (Wagtail's data-action="keyup.esc->...").
TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")


def visible_text(html: str) -> str:
    """The text and the labelling attributes of an HTML page, as a screen reader would give them."""
    html = re.sub(r"<(script|style|template|svg)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r"<(\w+)[^>]*\shidden\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    attributes = re.findall(r'\s(?:placeholder|aria-label|title|alt)="([^"]*)"', html)
    text = TAG.sub(" ", html)
    return unescape(" ".join([text, *attributes]))


def problems(text: str) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    found = []
    for pattern in (ENGLISH, INFORMAL, WRONG_DUTCH):
        for match in pattern.finditer(text):
            start = max(match.start() - 40, 0)
            found.append(" ".join(text[start : match.end() + 40].split()))
    return found
