from django.core.management.base import BaseCommand, CommandError

from hsds.load import import_file
from hsds.parse import HsdsErrors


def describe(errors) -> str:
    count = len(errors)
    lines = [
        "Het bestand is niet ingelezen. Er is niets veranderd.",
        f"Los {'deze fout' if count == 1 else f'deze {count} fouten'} op en probeer het opnieuw:",
    ]
    return "\n".join([*lines, *(f"  - {error}" for error in errors)])


class Command(BaseCommand):
    help = (
        "Leest aanbod in uit een Open Referral-bestand (HSDS 3.0, JSON): "
        '{"services": [...]} of een lijst. Bestaand aanbod met hetzelfde id wordt bijgewerkt. '
        "Bij een fout verandert er niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het JSON-bestand.")

    def handle(self, *args, path, **options):
        try:
            result = import_file(path)
        except HsdsErrors as error:
            raise CommandError(describe(error.errors)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {result.created} nieuw, {result.updated} bijgewerkt, "
                f"{result.unchanged} ongewijzigd."
            )
        )
