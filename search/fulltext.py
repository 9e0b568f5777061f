"""Full text over Wagtail's own search index (``modelsearch``, which Wagtail keeps up to date
whenever a page is saved): the ids of offers containing any of the words, best first.

Wagtail's own query compilers are too slow for the 50 ms budget (bench/README.md): on
SQLite modelsearch scores every match with a correlated subquery (300 ms a query at 1,000
offers), on PostgreSQL it matches on ``title || body``, which no index can serve (110 ms at
10,000). So this asks the same index one indexed question:

PostgreSQL: ``title @@ q OR body @@ q`` (each column has its GIN index) with the Dutch
configuration set in settings ("rekeningen" finds "rekening"), ranked with ts_rank, the
title counting double; each word also as a prefix ("koffie" finds "koffieochtend").

SQLite: an FTS5 MATCH made of modelsearch's own expressions, ranked with bm25(). FTS5 as
Wagtail sets it up has no Dutch stemming, so each word is also matched as a prefix of its
Dutch stem: "fietsen" finds "Fietsmaatjes".
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import connection
from django.db.models import F, Q

from aanbod.models import AanbodPage

from . import text

MAX_HITS = 1000
MIN_PREFIX = 4


def search(terms) -> list[int]:
    """Ids of offers (any status) with any of ``terms`` in their text, best match first."""
    terms = [t for t in terms if t]
    if not terms:
        return []
    if connection.vendor == "sqlite":
        return [int(pk) for pk in _sqlite(terms)]
    if connection.vendor == "postgresql":
        return [int(pk) for pk in _postgres(terms)]
    results = AanbodPage.objects.only("pk").search(" ".join(terms), operator="or")
    return [offer.pk for offer in results[:MAX_HITS]]


def _sqlite(terms):
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
    )
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks

    entries = get_app_config().get_model("SQLiteFTSIndexEntry")
    lexemes = []
    for term in terms:
        lexemes.append(Lexeme(term))
        stem = text.stem(term)
        if len(stem) >= MIN_PREFIX:
            lexemes.append(Lexeme(stem, prefix=True))
    match = MatchExpression(["title", "body"], SearchQueryExpression(reduce(or_, lexemes)))
    return (
        entries.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(AanbodPage))
        .annotate(score=BM25(), object_id=F("index_entry__object_id"))
        .order_by("score")  # bm25() is lower for a better match
        .values_list("object_id", flat=True)[:MAX_HITS]
    )


def _postgres(terms):
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks

    entries = get_app_config().get_model("IndexEntry")
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"
    # Words are letters and digits only (search.text), so a prefix query is safe to write out.
    query = reduce(
        or_,
        (
            SearchQuery(
                f"{term}:*" if len(term) >= MIN_PREFIX else term, config=config, search_type="raw"
            )
            for term in terms
        ),
    )
    return (
        entries.objects.filter(content_type__in=get_descendants_content_types_pks(AanbodPage))
        .filter(Q(title=query) | Q(body=query))  # each column has its own GIN index
        .annotate(score=2 * SearchRank(F("title"), query) + SearchRank(F("body"), query))
        .order_by("-score")
        .values_list("object_id", flat=True)[:MAX_HITS]
    )
