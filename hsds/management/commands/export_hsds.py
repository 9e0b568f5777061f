import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hsds.dump import dump_services, shared_offers


def export_document() -> dict:
    """Every offer partners may see, sorted by id, as an HSDS ``{"services": [...]}`` document."""
    services = dump_services(shared_offers())
    return {"services": sorted(services, key=lambda service: service["id"])}


class Command(BaseCommand):
    help = (
        "Schrijft al het aanbod dat bewoners zien naar een Open Referral-bestand (HSDS 3.0, JSON). "
        "Gebruik - om het op het scherm te zetten."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het bestand om naar te schrijven, of - voor het scherm.")

    def handle(self, *args, path, **options):
        document = export_document()
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if path == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Kan niet schrijven naar {path}: {error.strerror}.") from None
        count = len(document["services"])
        self.stdout.write(self.style.SUCCESS(f"{count} aanbod geschreven naar {path}."))
