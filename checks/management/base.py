import sys

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page


class CheckCommand(BaseCommand):
    """Shared by `check_language` and `check_accessibility`: findings never change the exit
    status (so the commands can feed reports); only a usage error exits with 1."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message):
            if not parser.called_from_command_line:
                raise CommandError(f"Error: {message}")
            parser.print_usage(sys.stderr)
            sys.stderr.write(f"{parser.prog}: {message}\n")
            sys.exit(1)

        parser.error = error
        return parser

    def pages(self, options) -> list[Page]:
        """The latest draft of one page (--page ID) or of every page (--all)."""
        if options["page"] is not None:
            pages = Page.objects.filter(pk=options["page"])
            if not pages:
                raise CommandError(f"Er is geen pagina met id {options['page']}.")
        else:
            pages = Page.objects.filter(depth__gt=1).order_by("path")
        return [page.specific.get_latest_revision_as_object() for page in pages]
