"""The reminder e-mails: one digest per responsible editor with the offers not checked for 6
months (each with a one-click confirm link), and one message per coordinator with the offers
not checked for more than a year.

``send_reminders()`` does the work; the management command ``send_verification_reminders``
(for cron) and the background task ``send_reminders_task`` both call it. Run it about once a
month. Each offer is told once per stage: once when it becomes due (to its editors), once
more when it becomes stale (to its editors and coordinators). The date of the last reminder is
stored per offer (``redactie.models.Herinnering``), so a run does not repeat what an earlier
run sent; an offer whose e-mail could not be sent is tried again next time.
"""

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from aanbod.public import public_url
from redactie.mail import greeting_name, language_of
from redactie.models import Herinnering

from .confirm import LINK_VALID_DAYS, make_link_token
from .rules import due_cutoff, due_offers, responsibilities, stale_cutoff

logger = logging.getLogger(__name__)


@dataclass
class Summary:
    due: int = 0
    stale: int = 0
    already_reminded: int = 0
    editor_mails: list[str] = field(default_factory=list)
    coordinator_mails: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    users_without_email: list[str] = field(default_factory=list)
    offers_without_editor: list[int] = field(default_factory=list)
    stale_without_coordinator: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _absolute(url: str) -> str:
    return public_url(url)


def _message(user, template: str, context: dict) -> mail.EmailMessage:
    with translation.override(language_of(user)):
        context = {"name": greeting_name(user), "link_valid_days": LINK_VALID_DAYS, **context}
        subject = render_to_string(f"redactie/verification/email/{template}_subject.txt", context)
        body = render_to_string(f"redactie/verification/email/{template}_body.txt", context)
    message = mail.EmailMessage(" ".join(subject.split()), body, to=[user.email])
    message.offer_pks = [item["offer"].pk for item in context["items"]]
    return message


def editor_digest(user, offers) -> mail.EmailMessage:
    items = [
        {
            "offer": offer,
            "confirm_url": _absolute(
                reverse("redactie:klopt-nog-link", args=[make_link_token(offer, user)])
            ),
            "edit_url": _absolute(reverse("wagtailadmin_pages:edit", args=[offer.pk])),
        }
        for offer in offers
    ]
    return _message(user, "editor", {"items": items})


def coordinator_message(user, offers, editors) -> mail.EmailMessage:
    items = [
        {
            "offer": offer,
            "editors": editors[offer.pk],
            "edit_url": _absolute(reverse("wagtailadmin_pages:edit", args=[offer.pk])),
        }
        for offer in offers
    ]
    return _message(user, "coordinator", {"items": items})


def _told_in_this_stage(offer, reminded_on, stale_before) -> bool:
    """Was ``offer`` already in the stage it is in now (stale, or only due) on the day of its
    last reminder?"""
    day = reminded_on.get(offer.pk)
    if day is None:
        return False
    if offer.last_verified < stale_before:
        return offer.last_verified < stale_cutoff(day)
    return offer.last_verified <= due_cutoff(day)


def build_reminders(today=None) -> tuple[list[mail.EmailMessage], Summary]:
    """All reminder e-mails due ``today``, without sending them."""
    today = today or timezone.localdate()
    summary = Summary()
    offers = list(due_offers(today).order_by("last_verified", "title", "pk"))
    stale_before = stale_cutoff(today)
    reminded_on = dict(
        Herinnering.objects.filter(page__in=[offer.pk for offer in offers]).values_list(
            "page_id", "verstuurd_op"
        )
    )
    told = [offer for offer in offers if _told_in_this_stage(offer, reminded_on, stale_before)]
    summary.already_reminded = len(told)
    offers = [offer for offer in offers if offer not in told]
    who = responsibilities(offers)

    for_editor, for_coordinator, users = defaultdict(list), defaultdict(list), {}
    for offer in offers:
        editors = who.editors.get(offer.pk, [])
        if not editors:
            summary.offers_without_editor.append(offer.pk)
        for user in editors:
            for_editor[user.pk].append(offer)
            users[user.pk] = user
        if offer.last_verified < stale_before:
            summary.stale += 1
            coordinators = who.coordinators.get(offer.pk, [])
            if not coordinators:
                summary.stale_without_coordinator.append(offer.pk)
            for user in coordinators:
                for_coordinator[user.pk].append(offer)
                users[user.pk] = user
    summary.due = len(offers) + len(told)

    messages = []
    for user_pk, user in sorted(users.items()):
        if not user.email:
            summary.users_without_email.append(user.get_username())
            continue
        if for_editor.get(user_pk):
            messages.append(editor_digest(user, for_editor[user_pk]))
            summary.editor_mails.append(user.email)
        if for_coordinator.get(user_pk):
            messages.append(coordinator_message(user, for_coordinator[user_pk], who.editors))
            summary.coordinator_mails.append(user.email)
    return messages, summary


def send_reminders(today=None, *, dry_run: bool = False) -> Summary:
    """Send the reminder e-mails due ``today``. One failing address does not stop the rest."""
    messages, summary = build_reminders(today)
    if dry_run or not messages:
        return summary
    connection = mail.get_connection()
    try:
        connection.open()
    except Exception:  # no mail server: say so, and send nothing
        logger.exception("Geen verbinding met de mailserver; geen controleherinneringen verstuurd")
        summary.failed = [message.to[0] for message in messages]
        return summary
    try:
        for message in messages:
            message.connection = connection
            try:
                message.send()
            except Exception:  # a refused address, or the server went away
                logger.exception("Controleherinnering niet verstuurd naar %s", message.to[0])
                summary.failed.append(message.to[0])
    finally:
        connection.close()
    _remember(messages, summary.failed, timezone.localdate() if today is None else today)
    return summary


def _remember(messages, failed, today):
    """Store the day for the offers whose e-mails all went out."""
    sent, not_sent = set(), set()
    for message in messages:
        (not_sent if message.to[0] in failed else sent).update(message.offer_pks)
    Herinnering.objects.bulk_create(
        [Herinnering(page_id=pk, verstuurd_op=today) for pk in sorted(sent - not_sent)],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["verstuurd_op"],
    )
