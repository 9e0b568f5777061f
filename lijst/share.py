"""Links to pass a list on: the list's own address, an e-mail and a text message."""

from urllib.parse import quote

from django.urls import reverse
from django.utils.translation import gettext as _

from aanbod.public import public_url

from . import ids as list_ids


def list_url(request, ids) -> str:
    return public_url(f"{reverse('lijst:shortlist')}?ids={list_ids.join(ids)}")


def mailto(entries, url: str) -> str:
    lines = [_("Dit aanbod in Utrecht kan u misschien helpen:"), ""]
    for entry in entries:
        lines += [entry.offer.title, entry.url, ""]
    lines.append(_("De hele lijst: %(url)s") % {"url": url})
    subject = _("Aanbod in uw buurt (Buurtwijzer Utrecht)")
    return f"mailto:?subject={quote(subject)}&body={quote(chr(10).join(lines))}"


def sms(url: str) -> str:
    text = _("Aanbod in uw buurt: %(url)s") % {"url": url}
    return f"sms:?body={quote(text)}"
