"""Accessibility rules for content HTML. Each rule takes the parsed HTML and yields findings
that name the element and say in plain Dutch how to fix it."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from django.utils.translation import gettext as _

ERROR = "error"
WARNING = "warning"

VAGUE_LINK_TEXTS = {
    "klik hier", "hier", "lees meer", "meer", "meer info", "meer informatie", "deze link",
    "link", "klik", "lees verder", "verder", "klik op deze link",
}  # fmt: skip
FILE_FORMATS = {
    "pdf": "PDF", "doc": "Word", "docx": "Word", "odt": "Word", "rtf": "Word",
    "xls": "Excel", "xlsx": "Excel", "ods": "Excel", "csv": "Excel",
    "ppt": "PowerPoint", "pptx": "PowerPoint", "odp": "PowerPoint",
}  # fmt: skip
FORMAT_WORDS = re.compile(
    r"\b(pdf|word|excel|powerpoint|docx?|xlsx?|odt|ods|odp|pptx?|rtf|csv|spreadsheet)\b", re.I
)
NEW_WINDOW_WORDS = re.compile(r"nieuw(e)?\s+(venster|tabblad|scherm)|new\s+(window|tab)", re.I)
FILE_NAME = re.compile(
    r"(\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)$)|^(img|dsc|pxl|image|photo|foto)[-_ ]?\d+",
    re.I,
)
CAPS_WORD = re.compile(r"\b[A-ZÀ-Þ]{2,}\b")
CAPS_RUN = re.compile(r"\b[A-ZÀ-Þ]{2,}(?:[\s,.!?:;'-]+[A-ZÀ-Þ]{2,}){2,}\b")


@dataclass(frozen=True)
class Issue:
    rule: str
    severity: str
    element: str
    message: str

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "element": self.element,
            "message": self.message,
        }


def describe(tag: Tag, limit: int = 120) -> str:
    """The element as short HTML, e.g. <a href="/x">klik hier</a>."""
    html = str(tag)
    if len(html) <= limit:
        return html
    attrs = "".join(f' {name}="{_attr(value)}"' for name, value in tag.attrs.items())
    text = " ".join(tag.get_text(" ").split())
    text = text if len(text) <= 40 else text[:39] + "…"
    return f"<{tag.name}{attrs[: limit - 40]}>{text}</{tag.name}>"


def _attr(value) -> str:
    return " ".join(value) if isinstance(value, list) else str(value)


def text_of(tag: Tag) -> str:
    """What a screen reader reads for an element: its text, or alt texts and aria-label."""
    label = (tag.get("aria-label") or "").strip()
    if label:
        return label
    parts = [tag.get_text(" ")]
    parts += [img.get("alt", "") for img in tag.find_all(["img", "embed"])]
    return " ".join(" ".join(parts).split())


def img_alt(root: BeautifulSoup, fragment: bool) -> list[Issue]:
    issues = []
    images = root.find_all("img") + root.find_all("embed", attrs={"embedtype": "image"})
    for img in images:
        alt = img.get("alt")
        # In rich text as stored by Wagtail, alt="" means the editor chose 'decorative'.
        decorative = (
            img.get("role") in ("presentation", "none")
            or img.get("aria-hidden") == "true"
            or img.name == "embed"
        )
        if alt is None:
            message = _(
                "Deze afbeelding heeft geen alt-tekst. Schrijf in een korte zin wat er op de afbeelding staat. Is het alleen versiering? Kies dan 'decoratief'."
            )
        elif not alt.strip() and not decorative:
            message = _(
                "De alt-tekst van deze afbeelding is leeg. Schrijf wat er op de afbeelding staat, voor mensen die hem niet kunnen zien."
            )
        elif alt.strip() and FILE_NAME.search(alt.strip()):
            message = _(
                "De alt-tekst '%(alt)s' is een bestandsnaam. Schrijf wat er op de afbeelding staat, bijvoorbeeld: 'Buren eten samen aan een lange tafel'."
            ) % {"alt": alt.strip()}
        else:
            continue
        issues.append(Issue("img-alt", ERROR, describe(img), message))
    return issues


def headings(root: BeautifulSoup, fragment: bool) -> list[Issue]:
    """heading-order, heading-empty and h1-in-body."""
    issues = []
    previous = 1 if fragment else 0
    seen_h1 = fragment  # in rich text, the page title is already the h1
    for heading in root.find_all(re.compile(r"^h[1-6]$")):
        level = int(heading.name[1])
        if not text_of(heading):
            issues.append(
                Issue(
                    "heading-empty",
                    ERROR,
                    describe(heading),
                    _(
                        "Deze kop is leeg. Schrijf een kop die zegt waar het stuk over gaat, of haal de lege kop weg."
                    ),
                )
            )
            continue
        if level == 1:
            if seen_h1:
                issues.append(
                    Issue(
                        "h1-in-body",
                        ERROR,
                        describe(heading),
                        _(
                            "Een pagina heeft één hoofdkop (kop 1): de titel. Maak van deze kop een kop 2."
                        ),
                    )
                )
            seen_h1 = True
        elif previous and level > previous + 1:
            issues.append(
                Issue(
                    "heading-order",
                    ERROR,
                    describe(heading),
                    _(
                        "Hier staat een kop %(level)d na een kop %(previous)d. Sla geen niveau over: maak er een kop %(wanted)d van."
                    )
                    % {"level": level, "previous": previous, "wanted": previous + 1},
                )
            )
        previous = level
    return issues


def links(root: BeautifulSoup, fragment: bool) -> list[Issue]:
    """link-empty, link-vague, link-new-window and link-file."""
    issues = []
    for link in root.find_all("a"):
        if link.get("href") is None and link.get("linktype") is None:
            continue
        text = text_of(link)
        spoken = re.sub(r"[^\w\s]", "", text.lower()).strip()
        if not spoken:
            issues.append(
                Issue(
                    "link-empty",
                    ERROR,
                    describe(link),
                    _(
                        "Deze link heeft geen tekst. Schrijf in de link waar die naartoe gaat, bijvoorbeeld: 'Bekijk de openingstijden'."
                    ),
                )
            )
            continue
        if " ".join(spoken.split()) in VAGUE_LINK_TEXTS:
            issues.append(
                Issue(
                    "link-vague",
                    ERROR,
                    describe(link),
                    _(
                        "De linktekst '%(text)s' zegt niet waar de link naartoe gaat. Schrijf dat in de link zelf, bijvoorbeeld: 'Lees meer over de taalcafés'."
                    )
                    % {"text": text},
                )
            )
        if link.get("target") == "_blank" and not NEW_WINDOW_WORDS.search(
            text + " " + (link.get("title") or "")
        ):
            issues.append(
                Issue(
                    "link-new-window",
                    WARNING,
                    describe(link),
                    _(
                        "Deze link opent een nieuw venster, maar zegt dat niet. Laat de link in hetzelfde venster openen, of zet erbij: '(opent in een nieuw venster)'."
                    ),
                )
            )
        file_format = _file_format(link)
        if file_format and not FORMAT_WORDS.search(text):
            issues.append(
                Issue(
                    "link-file",
                    WARNING,
                    describe(link),
                    _(
                        "Deze link opent een bestand (%(format)s). Zet dat in de linktekst, bijvoorbeeld: 'Folder (%(format)s, 1 pagina)'."
                    )
                    % {"format": file_format},
                )
            )
    return issues


def _file_format(link: Tag) -> str | None:
    if link.get("linktype") == "document":  # a Wagtail document in rich text
        return _("document")
    path = urlsplit(link.get("href") or "").path.lower()
    extension = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return FILE_FORMATS.get(extension)


def table_header(root: BeautifulSoup, fragment: bool) -> list[Issue]:
    return [
        Issue(
            "table-header",
            ERROR,
            describe(table),
            _(
                "Deze tabel heeft geen kopjes. Maak van de eerste rij of kolom kopcellen (th), zodat een schermlezer weet wat er in elke kolom staat."
            ),
        )
        for table in root.find_all("table")
        if not table.find("th")
    ]


def all_caps(root: BeautifulSoup, fragment: bool) -> list[Issue]:
    issues = []
    for node in root.find_all(string=CAPS_RUN):
        if node.parent and node.parent.name in ("script", "style", "abbr", "code"):
            continue
        for match in CAPS_RUN.finditer(node):
            issues.append(
                Issue(
                    "all-caps",
                    WARNING,
                    match.group(),
                    _(
                        "'%(text)s' staat in hoofdletters. Dat leest moeilijk, en een schermlezer spelt het soms letter voor letter. Schrijf het in gewone letters. Wilt u iets nadruk geven? Maak het vet."
                    )
                    % {"text": match.group()},
                )
            )
    return issues


RULES = (img_alt, headings, links, table_header, all_caps)
