from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from aanbod.models import AanbodPage
from hsds.load import import_file
from hsds.management.commands.import_hsds import describe
from hsds.parse import HsdsErrors
from inrichting import translations as translation_data

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo_hsds.json"

# Carer and cared-for together (AanbodPage.paired_offer), by HSDS id: the carer's offer names
# the activity for the person cared for. HSDS 3.0 has no field for this, so the file does not
# carry it; see inrichting/demo/README.md.
DEMO_PAIRS = [
    # the carer goes to the Monday afternoon spreekuur while the person cared for is on the farm
    ("demo-0033", "demo-0068"),
]


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
        paired = pair_demo_offers()
        if paired:
            self.stdout.write(f"Voorbeeldaanbod: {paired} paar samen gezet.")


def pair_demo_offers() -> int:
    """Sets DEMO_PAIRS with a published revision; leaves pairs that are already set alone."""
    changed = 0
    for carer_id, cared_for_id in DEMO_PAIRS:
        pages = {
            p.source_id: p
            for p in AanbodPage.objects.filter(source_id__in=[carer_id, cared_for_id])
        }
        carer, cared_for = pages.get(carer_id), pages.get(cared_for_id)
        if carer is None or cared_for is None or carer.paired_offer_id == cared_for.pk:
            continue
        carer.paired_offer = cared_for
        carer.save_revision().publish()
        changed += 1
    return changed
