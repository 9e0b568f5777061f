"""Fill a database with N realistic offers for the search benchmark.

    DATABASE_URL=sqlite:////tmp/bench-10000.sqlite3 .venv/bin/python bench/generate.py 10000

The database is migrated and set up (wijken, buurten, needs) first. Offers are made from
the demo offers' words and spread over every buurt (one in ten for the whole city), each
with one to three needs, one or two target groups, a place near the middle of its buurt,
weekly times, costs, languages and accessibility, all published. Rows are written in bulk
(an editor's publish takes about 0.1 s an offer; 100,000 of those would take hours), then
Wagtail's own search index is filled through its index API. Same seed, same offers.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from modelsearch.backends import get_search_backend  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Plek, Tijdstip  # noqa: E402
from buurten.models import BuurtPage, StedelijkPage  # noqa: E402
from search import catalogue  # noqa: E402
from utrecht.neighbourhoods import buurt_by_code  # noqa: E402

DEMO = ROOT / "inrichting" / "demo" / "demo_hsds.json"
CHUNK = 2000


def demo_words():
    services = json.loads(DEMO.read_text(encoding="utf-8"))["services"]
    titles = [s["name"] for s in services]
    texts = [s["description"] for s in services]
    return titles, texts


def local_insert(objs, model):
    """INSERT the rows of a multi-table child model (Django's bulk_create refuses those)."""
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model)
    rows = [[f.get_db_prep_save(f.pre_save(o, True), connection) for f in fields] for o in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def make(count: int, seed: int) -> None:
    rng = random.Random(seed)
    titles, texts = demo_words()
    needs = list(Hulpvraag.objects.all())
    groups = list(Doelgroep.objects.exclude(code="iedereen"))
    everyone = Doelgroep.objects.get(code="iedereen")
    parents = list(BuurtPage.objects.all())
    stedelijk = StedelijkPage.objects.get()
    content_type = ContentType.objects.get_for_model(AanbodPage)
    locale = Locale.get_default()
    now = timezone.now()
    next_step = {p.pk: p.numchild for p in [*parents, stedelijk]}
    through_needs = AanbodPage.needs.through
    through_groups = AanbodPage.target_groups.through

    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        pages, places, slots, need_rows, group_rows = [], [], [], [], []
        for i in range(start, start + size):
            parent = stedelijk if rng.random() < 0.1 else rng.choice(parents)
            next_step[parent.pk] += 1
            title = f"{rng.choice(titles).split(':')[0]} {i + 1}"
            slug = f"{slugify(title)[:60]}-{i + 1}"
            pages.append(
                AanbodPage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(parent.path, parent.depth + 1, next_step[parent.pk]),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    summary=rng.choice(texts).split("\n")[0][:300],
                    body="<p>"
                    + "</p><p>".join(rng.sample(texts, 2)).replace("\n\n", "</p><p>")
                    + "</p>",
                    kind=rng.choice(AanbodPage.Kind.values),
                    cost=rng.choice(["gratis", "gratis", "bedrag"]),
                    cost_amount=rng.choice([2, 5, 10]),
                    registration=rng.choice(AanbodPage.Registration.values),
                    languages=rng.sample(["nl", "en", "ar", "tr", "pl", "uk"], rng.randint(1, 3)),
                    rolstoel=rng.random() < 0.6,
                    status=rng.choices(AanbodPage.Status.values, weights=[90, 5, 5])[0],
                    last_verified=datetime.date(2026, 1, 1),
                    source_id=f"bench-{i + 1:06d}",
                )
            )
        Page.objects.bulk_create(pages)  # the Page rows; their ids come back
        for page in pages:
            page.page_ptr_id = page.id
        local_insert(pages, AanbodPage)
        for page in pages:
            for code in rng.sample(needs, rng.choice([1, 2, 2, 3])):
                need_rows.append(through_needs(aanbodpage_id=page.pk, hulpvraag_id=code.pk))
            chosen = rng.sample(groups, rng.randint(0, 2)) or [everyone]
            group_rows += [through_groups(aanbodpage_id=page.pk, doelgroep_id=g.pk) for g in chosen]
            parent_path = page.path[: -AanbodPage.steplen]
            if parent_path != stedelijk.path:
                buurt = next(p for p in parents if p.path == parent_path)
                centre = buurt_by_code(buurt.cbs_code)
                places.append(
                    Plek(
                        page_id=page.pk,
                        sort_order=0,
                        name="Buurthuis",
                        address=f"Dorpsstraat {rng.randint(1, 200)}",
                        postcode="3511AA",
                        latitude=centre.lat + rng.uniform(-0.004, 0.004),
                        longitude=centre.lon + rng.uniform(-0.006, 0.006),
                        buurt_code=buurt.cbs_code,
                    )
                )
            for n, day in enumerate(rng.sample(range(7), rng.randint(1, 3))):
                hour = rng.randint(9, 19)
                slots.append(
                    Tijdstip(
                        page_id=page.pk,
                        sort_order=n,
                        weekday=day,
                        opens_at=datetime.time(hour),
                        closes_at=datetime.time(hour + 2),
                    )
                )
        Plek.objects.bulk_create(places)  # bulk_create skips save(): buurt_code is set above
        Tijdstip.objects.bulk_create(slots)
        through_needs.objects.bulk_create(need_rows)
        through_groups.objects.bulk_create(group_rows)
        print(f"  {start + size} aanbod", flush=True)

    for parent in [*parents, stedelijk]:
        Page.objects.filter(pk=parent.pk).update(numchild=next_step[parent.pk])


def index(count: int) -> None:
    backend = get_search_backend()
    search_index = backend.get_index_for_model(AanbodPage)
    offers = (
        AanbodPage.objects.filter(source_id__startswith="bench-")
        .select_related("organisatie")
        .prefetch_related("needs")
    )
    ids = list(offers.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        search_index.add_items(AanbodPage, list(offers.filter(pk__in=ids[start : start + CHUNK])))
        print(f"  {min(start + CHUNK, len(ids))} in de zoekindex", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("offers", type=int, help="how many offers, e.g. 1000, 10000, 100000")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_site", verbosity=0)
    if AanbodPage.objects.filter(source_id__startswith="bench-").exists():
        sys.exit("Deze database heeft al benchmark-aanbod. Gebruik een lege database.")
    with transaction.atomic():
        make(args.offers, args.seed)
    index(args.offers)
    catalogue.forget()  # rows were written in bulk, without the signals search follows
    print(f"Klaar: {args.offers} aanbod in {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
