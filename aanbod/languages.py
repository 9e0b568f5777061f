"""Languages an offer's people speak: any ISO 639-1 code is accepted, names are shown in Dutch
for the codes the project knows (a short list kept as data), the code itself for the rest."""

import json
import re
from functools import cache
from pathlib import Path

CODE_RE = re.compile(r"^[a-z]{2,3}$")


@cache
def known_languages() -> dict[str, str]:
    path = Path(__file__).resolve().parent / "data" / "talen.json"
    return json.loads(path.read_text(encoding="utf-8"))


def language_name(code: str) -> str:
    return known_languages().get(code, code.upper())


def language_choices() -> list[tuple[str, str]]:
    return list(known_languages().items())
