"""Builds the search index anew from the database (for Elasticsearch, a new index behind the
alias; for the database backend, Wagtail's own index). Safe to run at any time."""

from django.core.management.base import BaseCommand

from search import related, vocabulary
from search.backends import get_backend


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op."

    def handle(self, *args, **options):
        vocabulary.invalidate()
        related.forget()
        backend = get_backend()
        count = backend.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Zoekindex ({backend.name}): {count} aanbod doorzoekbaar.")
