"""Dutch phone numbers as people write them: "030 123 4567", "+31 (0)30 123 4567", "14 030"."""

import re


def national_digits(value: str) -> str:
    """Digits in national form: '+31 (0)30 123 4567' -> '0301234567'; '14 030' -> '14030'."""
    text = str(value or "").strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+31") or digits.startswith("0031"):
        rest = digits[2:] if text.startswith("+") else digits[4:]
        digits = "0" + rest.removeprefix("0")  # "+31 (0)30 ..." has a 0 too many
    return digits


def tel_href(value: str) -> str:
    """A tel: link: Dutch numbers of ten digits get +31; short and service numbers
    (14 030, 112, 0800 ...) stay as they are; other international numbers keep their code."""
    text = str(value or "").strip()
    if text.startswith("+") and not text.startswith("+31"):
        return "tel:+" + re.sub(r"\D", "", text)
    if text.startswith("00") and not text.startswith("0031"):
        return "tel:+" + re.sub(r"\D", "", text)[2:]
    digits = national_digits(text)
    if not digits:
        return ""
    if len(digits) == 10 and digits.startswith("0"):
        return f"tel:+31{digits[1:]}"
    return f"tel:{digits}"
