"""The list lives in the address: ``?ids=12,7,30``. Nothing about the visitor is stored."""

import re

from django.utils.translation import gettext as _

MAX_OFFERS = 30
# A page id is a positive number of at most 9 digits (anything longer is no page of ours).
_ID = re.compile(r"[1-9][0-9]{0,8}")
# A list of 30 ids of 9 digits with commas is under 300 characters; more is not a list.
MAX_LENGTH = 400


class BadList(ValueError):
    """The ids cannot be read. The message says what is wrong, in plain Dutch."""


def parse(values: list[str]) -> list[int]:
    """Ids from one or more ``ids`` parameters ("1,2" or several), in order, without doubles."""
    text = ",".join(values)
    if len(text) > MAX_LENGTH:
        raise BadList(
            _("Deze lijst is te lang. Er passen hoogstens %(max)d dingen op.") % {"max": MAX_OFFERS}
        )
    ids: list[int] = []
    for part in re.split(r"[,\s]+", text.strip(", ")):
        if not part:
            continue
        if not _ID.fullmatch(part):
            raise BadList(
                _(
                    "Dit adres klopt niet. Open de lijst opnieuw via de knop 'Bewaar' of de link die u kreeg."
                )
            )
        number = int(part)
        if number not in ids:
            ids.append(number)
    if len(ids) > MAX_OFFERS:
        raise BadList(
            _("Deze lijst is te lang. Er passen hoogstens %(max)d dingen op.") % {"max": MAX_OFFERS}
        )
    return ids


def join(ids) -> str:
    return ",".join(str(i) for i in ids)
