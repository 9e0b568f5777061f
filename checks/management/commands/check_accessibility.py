import json
from pathlib import Path

from django.core.management.base import CommandError

from checks import a11y
from checks.management.base import CheckCommand
from checks.page_checks import check_accessibility


class Command(CheckCommand):
    help = (
        "Controleert HTML op toegankelijkheid: alt-teksten, koppen, linkteksten, tabellen en "
        "hoofdletters. Geeft altijd exit-status 0, ook als er fouten zijn."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--html", type=Path, help="een HTML-bestand (een pagina of een stuk)")
        source.add_argument("--page", type=int, help="het id van een pagina")
        source.add_argument("--all", action="store_true", help="alle pagina's")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON")

    def handle(self, *args, **options):
        if options["html"]:
            try:
                html = options["html"].read_text("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Kan het bestand niet lezen: {error}") from None
            is_page = "<html" in html.lower() or "<main" in html.lower()
            results = [(str(options["html"]), a11y.check_html(html, fragment=not is_page))]
        else:
            results = [
                (f"{page.pk} {page.title}", check_accessibility(page))
                for page in self.pages(options)
            ]
        if options["json"]:
            if options["all"]:
                data = [
                    {"page": name, "issues": [i.as_dict() for i in issues]}
                    for name, issues in results
                ]
            else:
                data = {"issues": [i.as_dict() for i in results[0][1]]}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for name, issues in results:
            errors = sum(1 for issue in issues if issue.severity == a11y.ERROR)
            self.stdout.write(f"{name}: {errors} fouten, {len(issues) - errors} waarschuwingen")
            for issue in issues:
                self.stdout.write(
                    f"  [{issue.rule}, {issue.severity}] {issue.element}\n    {issue.message}"
                )
