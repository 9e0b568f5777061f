"""Median and 95th-percentile latency of GET /api/v1/zoeken over a fixed mix of queries.

    DATABASE_URL=sqlite:////tmp/bench-10000.sqlite3 .venv/bin/python bench/latency.py

With SEARCH_BACKEND=opensearch OPENSEARCH_URL=... SEARCH_INDEX=... it measures the OpenSearch
backend (build its index first with `manage.py search_index`).

Requests go through the whole Django stack (middleware, URL routing, the view, the
database) in this process, with Django's test client: no web server or network is timed.
DEBUG is off. Every query of the mix is asked once to warm up, then ``--rounds`` times in
a shuffled order (same seed, same order).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

# What residents and professionals ask: own words, misspelled, with a postcode, with filters,
# browsing without words, and further pages.
MIX = [
    {"q": "ik voel me alleen"},
    {"q": "ik voel me alleen", "postcode": "3533 EH"},
    {"q": "mijn moeder wordt vergeetachtig en ik kan niet meer"},
    {"q": "eenzaamhijd"},
    {"q": "mantelzorgr", "postcode": "3562JT"},
    {"q": "kan mijn rekeningen niet betalen"},
    {"q": "schulden", "wijk": "WK034403"},
    {"q": "taalcafé", "postcode": "3531CK"},
    {"q": "samen eten", "gratis": "true"},
    {"q": "repair café"},
    {"q": "hulp met de computer", "inloop": "true"},
    {"q": "sporten", "dag": "di"},
    {"q": "wandelen", "rolstoel": "true", "postcode": "3524BR"},
    {"q": "jongeren"},
    {"q": "ik zoek hulp"},
    {"q": "dagbesteding", "doelgroep": "nah"},
    {"q": "even vrij van de zorg", "buurt": "BU03440112"},
    {"q": "koffie", "spreekt": "ar"},
    {"q": "I feel lonely", "taal": "en"},
    {"q": "eenzaam", "pagina": "3"},
    {"postcode": "3582RK"},
    {"hulpvraag": "geldzaken", "wijk": "WK034401"},
    {"q": ""},
    {"q": "praten met mensen die hetzelfde meemaken", "postcode": "3451BE"},
]


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slowest", action="store_true", help="print the slowest queries")
    args = parser.parse_args()
    settings.DEBUG = False
    client = Client(HTTP_HOST="localhost")
    from aanbod.models import AanbodPage
    from search.backends import get_backend

    offers = AanbodPage.objects.count()
    for params in MIX:  # warm up: caches, the needs' words, database pages
        assert client.get("/api/v1/zoeken", params).status_code == 200, params
    order = [params for _ in range(args.rounds) for params in MIX]
    random.Random(args.seed).shuffle(order)
    timings, cpu = [], []
    for params in order:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get("/api/v1/zoeken", params)
        timings.append(((time.perf_counter() - started) * 1000, params))
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    ms = [t for t, _ in timings]
    load = os.getloadavg()[0]
    print(
        f"{get_backend().name} on {connection.vendor}, {offers} aanbod, {len(ms)} requests: "
        f"median {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
        f"max {max(ms):.1f} ms (CPU of this process: median {statistics.median(cpu):.1f} ms, "
        f"p95 {percentile(cpu, 95):.1f} ms; load average {load:.1f} on {os.cpu_count()} cores)"
    )
    if args.slowest:
        for t, params in sorted(timings, key=lambda x: -x[0])[:8]:
            print(f"  {t:6.1f} ms  {params}")


if __name__ == "__main__":
    main()
