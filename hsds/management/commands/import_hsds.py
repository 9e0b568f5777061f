from django.core.management.base import BaseCommand, CommandError

from hsds import extra
from hsds.load import ImportRefused, import_file
from hsds.parse import HsdsErrors


def describe(errors) -> str:
    count = len(errors)
    lines = [
        "Het bestand is niet ingelezen. Er is niets veranderd.",
        f"Los {'deze fout' if count == 1 else f'deze {count} fouten'} op en probeer het opnieuw:",
    ]
    return "\n".join([*lines, *(f"  - {error}" for error in errors)])


def report_lines(result, verbosity: int = 1) -> list[str]:
    """Per service: what happened to it, and to its fields (``hsds.extra``)."""
    lines = []
    for service in result.services:
        name = f" '{service.name}'" if service.name else ""
        who = f" ({service.source_id})" if service.source_id else ""
        lines.append(f"{service.path}{name}{who}: {service.outcome}")
        lines.extend(f"  fout: {error.path}: {error.message}" for error in service.errors)
        lines.extend(f"  let op: {warning.path}: {warning.message}" for warning in service.warnings)
        lines.extend(_field_lines(service.fields, verbosity))
    return lines


def _field_lines(fields, verbosity: int) -> list[str]:
    lines, taken, ids = [], [], 0
    for field in fields:
        if field.outcome == extra.TAKEN:
            taken.append(field.path)
        elif field.outcome == extra.CHANGED and field.path.endswith(".id") and verbosity < 2:
            ids += 1
        else:
            detail = f" ({field.detail})" if field.detail and field.outcome != extra.CHANGED else ""
            change = f": {field.detail}" if field.detail and field.outcome == extra.CHANGED else ""
            lines.append(f"  {field.outcome}: {field.path}{change}{detail}")
    if ids:
        lines.append(
            f"  veranderd: {ids} id's van onderdelen (de site geeft ze een eigen, vast id)"
        )
    if taken:
        shown = f": {', '.join(taken)}" if verbosity >= 2 else " (-v 2 noemt ze)"
        lines.append(f"  overgenomen: {len(taken)} velden{shown}")
    return lines


class Command(BaseCommand):
    help = (
        "Leest aanbod in uit een Open Referral-bestand (HSDS 3.0, JSON): één dienst, een "
        'lijst, {"services": [...]} of een pagina {"contents": [...]}. Bestaand aanbod met '
        "hetzelfde id wordt bijgewerkt. Per dienst staat erbij wat er met elk veld gebeurde. "
        "Bij een fout verandert er niets, tenzij u --valid-only gebruikt."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het JSON-bestand.")
        parser.add_argument(
            "--valid-only",
            action="store_true",
            help="Lees de goede diensten in en sla de diensten met een fout over.",
        )

    def handle(self, *args, path, valid_only=False, verbosity=1, **options):
        try:
            result = import_file(path, valid_only=valid_only)
        except ImportRefused as error:
            hint = "Of lees alleen de goede diensten in: --valid-only."
            lines = report_lines(error.result, verbosity) if verbosity >= 1 else []
            raise CommandError("\n".join([describe(error.errors), hint, *lines])) from None
        except HsdsErrors as error:
            raise CommandError(describe(error.errors)) from None
        if verbosity >= 1:
            for line in report_lines(result, verbosity):
                self.stdout.write(line)
        summary = (
            f"Klaar: {result.created} nieuw, {result.updated} bijgewerkt, "
            f"{result.unchanged} ongewijzigd"
        )
        if result.refused:
            self.stdout.write(
                self.style.WARNING(f"{summary}, {result.refused} geweigerd (zie hierboven).")
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"{summary}."))
