"""Prints nDCG@5, success@1 and MRR over the relevance set (search/relevance/queries.json),
in all, per language and per kind of question, and the share of no-answer questions handled.

Run it on a database with the demo content: `python manage.py load_demo` first.
"""

from django.core.management.base import BaseCommand

from search.relevance.evaluate import evaluate


class Command(BaseCommand):
    help = "Meet hoe goed het zoeken is op de voorbeeldinhoud (nDCG@5, success@1, MRR)."

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="Toon de zoekvragen die missen.")

    def line(self, name: str, report) -> None:
        self.stdout.write(
            f"{name:<12} {len(report.scores):>4}  nDCG@5 {report.ndcg_at_5:.3f}  "
            f"success@1 {report.success_at_1:.3f}  MRR {report.mrr:.3f}"
        )

    def handle(self, *args, **options):
        report = evaluate()
        self.line("all", report)
        self.stdout.write(f"no answer handled: {report.no_answer_handled:.3f}")
        for title, attribute in (("per language", "language"), ("per kind", "kind")):
            self.stdout.write(title)
            for value, part in report.by(attribute).items():
                self.line(f"  {value}", part)
        if options["misses"]:
            for s in report.scores:
                if s.ndcg < 1 or s.success < 1:
                    q = s.query
                    where = f" [{q['postcode']}]" if q.get("postcode") else ""
                    self.stdout.write(
                        f"- ({s.language}, {s.kind}) {q['q']}{where}: nDCG {s.ndcg:.2f}, "
                        f"success {s.success:.0f}; top 5 {', '.join(s.found[:5]) or '-'}"
                    )
