from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Zet de site klaar (setup_site) en voegt het voorbeeldaanbod toe. Twee keer draaien verandert niets."

    def handle(self, *args, **options):
        call_command("setup_site", verbosity=options["verbosity"])
