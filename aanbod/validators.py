"""Checks on what editors type, each with a message that says how to fix it."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from utrecht.phone import national_digits
from utrecht.postcode import PostcodeError, normalise

PHONE_CHARS_RE = re.compile(r"^\+?[0-9 ()\-.]+$")


def validate_dutch_phone(value: str) -> None:
    digits = national_digits(value)
    ok = (
        bool(PHONE_CHARS_RE.match(value.strip()))
        and (
            (len(digits) == 10 and digits.startswith("0"))  # 030 123 4567, 06 12345678
            or digits in {"14030", "112"}
            or (len(digits) == 5 and digits.startswith("14"))  # 14 + area code
            or (digits[:4] in {"0800", "0900", "0906", "0909"} and 8 <= len(digits) <= 11)
        )
    )
    if not ok:
        raise ValidationError(
            _(
                "Dit is geen Nederlands telefoonnummer. Schrijf het zo: 030 123 4567, "
                "06 12345678 of 14 030."
            ),
            code="phone",
        )


def validate_postcode(value: str) -> None:
    try:
        normalise(value)
    except PostcodeError as error:
        raise ValidationError(
            _("Dit is geen postcode. Schrijf het zo: 3582 AB."), code="postcode"
        ) from error


def normalise_safe(value: str) -> str:
    try:
        return normalise(value)
    except PostcodeError:
        return ""


def format_postcode(value: str) -> str:
    """'3582ab' -> '3582 AB'; anything else is returned as it was."""
    code = normalise_safe(value)
    return f"{code[:4]} {code[4:]}" if len(code) == 6 else (code or value)
