"""Confirming that an offer is still correct ("Klopt nog"), and the signed links in e-mails.

A confirmation sets ``last_verified`` to today and publishes that as a new revision of the
live page, in the name of the editor, so the page history shows who checked it and when.
Only the date changes; the rest is the live content as it is. If the page has changes that
are not published yet (a draft, or a change waiting for review), nothing happens: publishing
our revision would push that draft aside.

A confirm link carries the offer, the editor and the ``last_verified`` date it was made for,
signed with the secret key and valid for 30 days. Once the offer is confirmed its date
changes, so the same link cannot be used again.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbod.models import AanbodPage

LOG_ACTION = "aanbod.klopt_nog"
LINK_SALT = "redactie.verification.confirm-link"
LINK_VALID_DAYS = 30


class Refused(Exception):
    """Why an offer cannot be confirmed now. ``status`` is the HTTP status for the public page."""

    status = 409
    reason = "refused"

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NoRights(Refused):
    status = 403
    reason = "no-rights"


class NotLive(Refused):
    reason = "not-live"


class DraftWaiting(Refused):
    reason = "draft-waiting"


class Locked(Refused):
    reason = "locked"


class AlreadyConfirmed(Refused):
    reason = "already-confirmed"


class CheckedToday(Refused):
    reason = "checked-today"


DRAFT_WAITING = _(
    "Er staat een wijziging klaar die nog niet gepubliceerd is. Daarom kan 'Klopt nog' nu "
    "niet. Er is niets veranderd. Wat kunt u doen? Open het aanbod. Zet op het tabblad "
    "'Status' de datum 'Laatst gecontroleerd op' op vandaag. Stuur uw wijziging daarna ter "
    "controle, zoals altijd. Of wacht tot de wijziging gepubliceerd is. Klik dan op 'Klopt nog'."
)


def refusal(page: AanbodPage, user, *, made_for: datetime.date | None = None, today=None):
    """The reason ``user`` cannot confirm ``page`` now, or None. ``made_for`` is the date a
    confirm link was made for; without it (the admin button) confirming twice a day is refused."""
    today = today or timezone.localdate()
    if user is None or not page.permissions_for_user(user).can_edit():
        return NoRights(gettext("U mag dit aanbod niet (meer) aanpassen. Er is niets veranderd."))
    if made_for is not None and page.last_verified != made_for:
        return AlreadyConfirmed(
            gettext(
                "Deze link is al gebruikt. Het aanbod is gecontroleerd op %(date)s. "
                "U hoeft niets meer te doen."
            )
            % {"date": date_format(page.last_verified, "j F Y")}
        )
    if made_for is None and page.last_verified == today:
        return CheckedToday(
            gettext("'%(title)s' is vandaag al gecontroleerd. U hoeft niets meer te doen.")
            % {"title": page.title}
        )
    if not page.live:
        return NotLive(
            gettext(
                "Dit aanbod staat niet online. Publiceer het eerst; dan kunt u het bevestigen. "
                "Er is niets veranderd."
            )
        )
    if page.has_unpublished_changes:
        return DraftWaiting(str(DRAFT_WAITING))
    lock = page.get_lock()
    if lock and lock.for_user(user):
        return Locked(
            gettext(
                "Iemand anders heeft dit aanbod op slot gezet om het aan te passen. Probeer het "
                "later opnieuw. Er is niets veranderd."
            )
        )
    return None


def confirm(page: AanbodPage, user, *, made_for: datetime.date | None = None) -> AanbodPage:
    """Confirm that ``page`` is still correct, as ``user``. Raises ``Refused`` (and changes
    nothing) when that cannot be done now. Returns the page as published."""
    today = timezone.localdate()
    with transaction.atomic():
        page = AanbodPage.objects.select_for_update().get(pk=page.pk)
        problem = refusal(page, user, made_for=made_for, today=today)
        if problem:
            raise problem
        # Claim the change: of two confirmations at the same moment, only one updates the row.
        claimed = AanbodPage.objects.filter(pk=page.pk, last_verified=page.last_verified).update(
            last_verified=today
        )
        if not claimed:
            raise AlreadyConfirmed(
                gettext("Dit aanbod is net al gecontroleerd. U hoeft niets meer te doen.")
            )
        page.last_verified = today
        # The content is the live content: nothing to validate but the date we set.
        revision = page.save_revision(user=user, log_action=LOG_ACTION, clean=False)
        # Editors may not publish their own changes (review first), but confirming the date
        # of what is already live is exactly what they are asked to do.
        revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


# Confirm links ------------------------------------------------------------------------------


class BadLink(Exception):
    status = 400


class ExpiredLink(BadLink):
    status = 410


@dataclass(frozen=True)
class Link:
    page_id: int
    user_id: int
    made_for: datetime.date

    def page(self):
        return AanbodPage.objects.filter(pk=self.page_id).first()

    def user(self):
        return get_user_model().objects.filter(pk=self.user_id, is_active=True).first()


def make_link_token(page: AanbodPage, user) -> str:
    return signing.dumps(
        [page.pk, user.pk, page.last_verified.isoformat()], salt=LINK_SALT, compress=False
    )


def read_link_token(token: str) -> Link:
    """The link's contents; ``ExpiredLink`` after 30 days, ``BadLink`` if changed or garbled."""
    try:
        data = signing.loads(
            token, salt=LINK_SALT, max_age=datetime.timedelta(days=LINK_VALID_DAYS)
        )
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise BadLink from error
    try:
        page_id, user_id, made_for = data
        return Link(int(page_id), int(user_id), datetime.date.fromisoformat(made_for))
    except (TypeError, ValueError) as error:
        raise BadLink from error
