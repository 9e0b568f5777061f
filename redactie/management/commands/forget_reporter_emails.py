"""Wipe reporters' e-mail addresses from reports handled 30 days ago or longer, as the privacy
statement promises. For cron, daily, e.g.:

    30 3 * * *  cd /srv/buurtwijzer && .venv/bin/python manage.py forget_reporter_emails"""

from django.core.management.base import BaseCommand

from redactie.models import EMAIL_KEPT_DAYS, Melding


class Command(BaseCommand):
    help = (
        f"Wist het e-mailadres van melders {EMAIL_KEPT_DAYS} dagen nadat hun melding is "
        "afgehandeld."
    )

    def handle(self, *args, **options):
        wiped = Melding.objects.forget_emails()
        self.stdout.write(f"{wiped} e-mailadres(sen) van melders gewist.")
