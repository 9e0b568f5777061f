"""Send each offer's editors the new 'Klopt er iets niet?' reports, one e-mail per editor.
For cron, once a day, e.g.:

    30 7 * * *  cd /srv/buurtwijzer && .venv/bin/python manage.py send_report_notices
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from redactie.reports.notices import send_report_notices


class Command(BaseCommand):
    help = "Stuurt redacteuren de nieuwe meldingen over hun aanbod (een keer per dag draaien)."

    def handle(self, *args, **options):
        sent, failed = send_report_notices()
        self.stdout.write(
            _("Meldingen doorgestuurd naar %(count)d persoon/personen: %(who)s")
            % {"count": len(sent), "who": ", ".join(sent) or "-"}
        )
        if failed:
            raise CommandError(
                _("Niet verstuurd naar: %(who)s (volgende keer opnieuw)")
                % {"who": ", ".join(failed)}
            )
