"""Send the reminder e-mails: each responsible editor one digest of their offers not checked
for 6 months (with one-click confirm links), each coordinator the offers of their wijk not
checked for more than a year; each offer once per stage (see ``reminders``). For cron, about
once a month, e.g.:

    0 7 1 * *  cd /srv/buurtwijzer && .venv/bin/python manage.py send_verification_reminders

The same work runs as a background task: ``redactie.verification.tasks.send_reminders_task``
(``--als-taak`` puts it on the task queue instead of running it here)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from redactie.verification.reminders import send_reminders
from redactie.verification.tasks import send_reminders_task


def _list(items) -> str:
    return ", ".join(map(str, items)) or "-"


class Command(BaseCommand):
    help = (
        "Stuurt redacteuren en coördinatoren een herinnering over aanbod dat lang niet is "
        "gecontroleerd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--proef",
            "--dry-run",
            action="store_true",
            dest="dry_run",
            help=_("Laat zien wie een e-mail zou krijgen, maar verstuur niets."),
        )
        parser.add_argument(
            "--als-taak",
            action="store_true",
            dest="as_task",
            help=_(
                "Zet het werk in de takenwachtrij (django-tasks) in plaats van het hier te doen."
            ),
        )

    def handle(self, *args, dry_run=False, as_task=False, **options):
        if as_task:
            result = send_reminders_task.enqueue()
            self.stdout.write(_("Taak in de wachtrij gezet: %(id)s") % {"id": result.id})
            return
        summary = send_reminders(dry_run=dry_run)
        out = self.stdout.write
        out(
            _("Te controleren (een half jaar of langer): %(due)d. Langer dan een jaar: %(stale)d.")
            % {"due": summary.due, "stale": summary.stale}
        )
        if summary.already_reminded:
            out(
                _("Al eerder herinnerd, nu niet opnieuw: %(count)d.")
                % {"count": summary.already_reminded}
            )
        editors = {"count": len(summary.editor_mails), "who": _list(summary.editor_mails)}
        coordinators = {
            "count": len(summary.coordinator_mails),
            "who": _list(summary.coordinator_mails),
        }
        if dry_run:
            out(_("Proef: er is niets verstuurd."))
            out(_("Herinnering voor %(count)d redacteur(en): %(who)s") % editors)
            out(_("Bericht voor %(count)d coördinator(en): %(who)s") % coordinators)
        else:
            out(_("Herinnering verstuurd naar %(count)d redacteur(en): %(who)s") % editors)
            out(_("Bericht verstuurd naar %(count)d coördinator(en): %(who)s") % coordinators)
        if summary.offers_without_editor:
            out(_("Aanbod zonder redacteur (id): %s") % _list(summary.offers_without_editor))
        if summary.stale_without_coordinator:
            out(
                _("Aanbod ouder dan een jaar zonder coördinator (id): %s")
                % _list(summary.stale_without_coordinator)
            )
        if summary.users_without_email:
            out(_("Geen e-mailadres bekend van: %s") % _list(summary.users_without_email))
        if summary.failed:
            raise CommandError(
                _("Niet verstuurd naar %(count)d adres(sen): %(who)s")
                % {"count": len(summary.failed), "who": _list(summary.failed)}
            )
