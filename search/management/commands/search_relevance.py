"""Prints recall@5 and MRR over the relevance set (search/relevance/queries.json).

Run it on a database with the demo content: `python manage.py load_demo` first.
"""

from django.core.management.base import BaseCommand

from search.relevance.evaluate import evaluate


class Command(BaseCommand):
    help = "Meet hoe goed het zoeken is op de voorbeeldinhoud (recall@5 en MRR)."

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="Toon de zoekvragen die missen.")

    def handle(self, *args, **options):
        report = evaluate()
        self.stdout.write(f"{len(report.scores)} zoekvragen")
        self.stdout.write(f"recall@5  {report.recall_at_5:.3f}")
        self.stdout.write(f"MRR       {report.mrr:.3f}")
        for kind, (n, recall, mrr) in report.by_kind().items():
            self.stdout.write(f"  {kind:<11} {n:>3}  recall@5 {recall:.3f}  MRR {mrr:.3f}")
        if options["misses"]:
            for s in report.scores:
                if s.recall < 1 or s.reciprocal_rank < 1:
                    where = f" [{s.query['postcode']}]" if s.query.get("postcode") else ""
                    self.stdout.write(
                        f"- {s.query['q']}{where}: recall {s.recall:.2f}, RR {s.reciprocal_rank:.2f}; "
                        f"top 5 {', '.join(f or '?' for f in s.found[:5])}"
                    )
