from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from aanbod import translation_data
from aanbod.hsds import HsdsErrors, import_file

from .import_hsds import describe

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo_hsds.json"


class Command(BaseCommand):
    help = (
        "Zet de site klaar (setup_site) en voegt het voorbeeldaanbod toe. "
        "Twee keer draaien verandert niets."
    )

    def handle(self, *args, **options):
        call_command("setup_site", verbosity=options["verbosity"])
        if not DEMO_FILE.exists():
            self.stdout.write(f"Geen voorbeeldaanbod gevonden ({DEMO_FILE}).")
            return
        try:
            result = import_file(DEMO_FILE, is_demo=True)
        except HsdsErrors as error:
            raise CommandError(describe(error.errors)) from None
        translated = translation_data.apply_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Voorbeeldaanbod: {result.created} nieuw, {result.updated} bijgewerkt, "
                f"{result.unchanged} ongewijzigd; {translated} met nieuwe vertalingen."
            )
        )
