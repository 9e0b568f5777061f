"""The e-mail to an offer's editors about new 'Klopt er iets niet?' reports.

``send_report_notices()`` sends each editor one e-mail with every report that came in since
the last run, on all the offers they answer for, and marks those reports as sent on. The
command ``send_report_notices`` runs it; run it once a day, so that an editor gets at most one
such e-mail a day. An offer without editors goes to the coordinators of its wijk. A report
whose e-mail could not be sent is tried again on the next run.
"""

import logging
from collections import defaultdict

from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from aanbod.public import public_url
from redactie.mail import greeting_name, language_of
from redactie.models import Melding
from redactie.verification.rules import responsibilities

logger = logging.getLogger(__name__)


def _message(user, reports) -> mail.EmailMessage:
    items = [
        {
            "report": report,
            "offer": report.page,
            "url": public_url(
                reverse(Melding.snippet_viewset.get_url_name("edit"), args=[report.pk])
            ),
        }
        for report in reports
    ]
    context = {"name": greeting_name(user), "items": items}
    with translation.override(language_of(user)):
        subject = render_to_string("redactie/reports/email/notice_subject.txt", context)
        body = render_to_string("redactie/reports/email/notice_body.txt", context)
    message = mail.EmailMessage(" ".join(subject.split()), body, to=[user.email])
    message.report_pks = [report.pk for report in reports]
    return message


def build_notices() -> list[mail.EmailMessage]:
    """One e-mail per person with the open reports not sent on yet, oldest first."""
    reports = list(
        Melding.objects.open()
        .filter(doorgestuurd_op__isnull=True)
        .select_related("page")
        .order_by("created_at", "pk")
    )
    who = responsibilities({report.page_id: report.page for report in reports}.values())
    per_user, users = defaultdict(list), {}
    for report in reports:
        people = who.editors.get(report.page_id) or who.coordinators.get(report.page_id, [])
        for user in people:
            if user.email:
                per_user[user.pk].append(report)
                users[user.pk] = user
    return [_message(users[pk], per_user[pk]) for pk in sorted(per_user)]


def send_report_notices() -> tuple[list[str], list[str]]:
    """Send the e-mails; returns the addresses sent to and those that failed."""
    sent, failed, done, not_done = [], [], set(), set()
    for message in build_notices():
        try:
            message.send()
        except Exception:  # a refused address, or no mail server
            logger.exception("Melding niet doorgestuurd naar %s", message.to[0])
            failed.append(message.to[0])
            not_done.update(message.report_pks)
        else:
            sent.append(message.to[0])
            done.update(message.report_pks)
    Melding.objects.filter(pk__in=done - not_done).update(doorgestuurd_op=timezone.now())
    return sent, failed
