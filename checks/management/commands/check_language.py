import json
from pathlib import Path

from django.core.management.base import CommandError

from checks import b1
from checks.management.base import CheckCommand
from checks.models.words import current_word_list
from checks.page_checks import check_language


class Command(CheckCommand):
    help = (
        "Controleert of een tekst B1 is: lange zinnen, moeilijke en ambtelijke woorden, "
        "lijdende vorm en naamwoordstijl. Geeft altijd exit-status 0, ook bij 'boven B1'."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--file", type=Path, help="een tekstbestand (UTF-8)")
        source.add_argument("--page", type=int, help="het id van een pagina")
        source.add_argument("--all", action="store_true", help="alle pagina's")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
        parser.add_argument("--lang", default="nl", help="taal van het bestand (standaard nl)")

    def handle(self, *args, **options):
        word_list = current_word_list()
        if options["file"]:
            try:
                text = options["file"].read_text("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Kan het bestand niet lezen: {error}") from None
            results = [
                (
                    str(options["file"]),
                    b1.check_text(text, language=options["lang"], word_list=word_list),
                )
            ]
        else:
            results = [
                (f"{page.pk} {page.title}", check_language(page, word_list)[0])
                for page in self.pages(options)
            ]
        if options["json"]:
            data = [result.as_dict() for _name, result in results]
            self.stdout.write(
                json.dumps(
                    data[0] if not options["all"] else _by_page(results),
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        for name, result in results:
            self._print(name, result)

    def _print(self, name, result):
        self.stdout.write(f"{name}: {result.verdict}")
        for reason in result.reasons:
            self.stdout.write(f"  - {reason}")
        for issue in result.issues:
            self.stdout.write(
                f"  [{issue.kind}] {issue.start}-{issue.end} “{issue.text}”: {issue.suggestion}"
            )


def _by_page(results):
    return [{"page": name} | result.as_dict() for name, result in results]
