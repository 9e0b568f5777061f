"""What a resident notices when search works, the same on every backend (see conftest)."""

import datetime

import pytest
from django.core.management import call_command

from aanbod.models import AanbodPage, Hulpvraag
from buurten.models import BuurtPage
from tests.factories import make_offer, make_organisatie

URL = "/api/v1/zoeken"

OOG_IN_AL = {
    "address": "Palestrinastraat 1",
    "postcode": "3533 EH",
    "latitude": 52.08706,
    "longitude": 5.08772,
}
LOMBOK = {
    "address": "Kanaalstraat 50",
    "postcode": "3531 CK",
    "latitude": 52.0905,
    "longitude": 5.0988,
}
OVERVECHT = {
    "address": "Zamenhofdreef 1",
    "postcode": "3562 JT",
    "latitude": 52.1155,
    "longitude": 5.1120,
}


def buurt(name):
    return BuurtPage.objects.get(title=name)


def search(client, HTTP_ACCEPT_LANGUAGE="nl", **params):
    response = client.get(URL, params, HTTP_ACCEPT_LANGUAGE=HTTP_ACCEPT_LANGUAGE)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [r["title"] for r in data["results"]]


@pytest.fixture
def offers(backend, indexed):
    made = {
        "huiskamer": make_offer(
            buurt("Oog in Al"),
            title="Open huiskamer Dominicus",
            summary="Koffie en een praatje voor wie alleen woont.",
            needs=("eenzaamheid", "ontmoeting"),
            groups=("ouderen",),
            plekken=[OOG_IN_AL],
            tijden=[{"weekday": 1, "opens_at": datetime.time(10), "closes_at": datetime.time(12)}],
            languages=["nl", "ar"],
            rolstoel=True,
        ),
        "koffie_lombok": make_offer(
            buurt("Lombok-West"),
            title="Koffie-inloop Lombok",
            summary="Elke week koffie met buren.",
            needs=("eenzaamheid", "ontmoeting"),
            plekken=[LOMBOK],
            tijden=[{"weekday": 3, "opens_at": datetime.time(14), "closes_at": datetime.time(16)}],
            registration=AanbodPage.Registration.AANMELDEN,
        ),
        "koffie_overvecht": make_offer(
            buurt("Zamenhofdreef en omgeving"),
            title="Buurtkamer Overvecht",
            summary="Een kop koffie en mensen uit de buurt.",
            needs=("eenzaamheid", "ontmoeting"),
            plekken=[OVERVECHT],
        ),
        "praatlijn": make_offer(
            "stad",
            title="Praatlijn voor heel Utrecht",
            summary="Even iemand spreken aan de telefoon.",
            needs=("eenzaamheid",),
        ),
        "geld": make_offer(
            buurt("Zamenhofdreef en omgeving"),
            title="Geldmaatjes",
            summary="Hulp bij rekeningen en schulden.",
            needs=("geldzaken",),
            plekken=[OVERVECHT],
            cost=AanbodPage.Cost.BEDRAG,
            cost_amount=5,
        ),
        "repair": make_offer(
            buurt("Lombok-West"),
            title="Repair Café Lombok",
            summary="Samen kapotte spullen maken.",
            needs=("buurtinitiatief",),
            plekken=[LOMBOK],
        ),
        "sport": make_offer(
            buurt("Oog in Al"),
            title="Wandelgroep",
            summary="Elke week samen wandelen. Geld meenemen is niet nodig.",
            needs=("bewegen",),
            plekken=[OOG_IN_AL],
        ),
    }
    indexed()
    return made


def test_own_words_find_the_need(client, offers):
    data = search(client, q="ik voel me alleen")
    assert data["interpreted_needs"][0] == {"code": "eenzaamheid", "label": "Ik voel me alleen"}
    found = set(titles(data))
    assert {
        "Open huiskamer Dominicus",
        "Koffie-inloop Lombok",
        "Praatlijn voor heel Utrecht",
    } <= found
    assert "Wandelgroep" not in found and "Geldmaatjes" not in found


def test_spelling_mistakes_are_forgiven(client, offers):
    assert set(titles(search(client, q="eenzaamhijd"))) == set(
        titles(search(client, q="eenzaamheid"))
    )
    assert "Geldmaatjes" in titles(search(client, q="shculden"))


def test_stop_words_alone_find_nothing(client, offers):
    data = search(client, q="ik zoek hulp")
    assert data["total"] == 0 and data["results"] == [] and data["interpreted_needs"] == []


def test_a_matching_need_beats_a_word_in_the_text(client, offers):
    # "Wandelgroep" mentions money in its summary; "Geldmaatjes" is for money worries.
    assert titles(search(client, q="geld"))[0] == "Geldmaatjes"


def test_full_text_finds_a_name(client, offers):
    assert titles(search(client, q="repair café"))[0] == "Repair Café Lombok"


def test_same_buurt_first_then_by_distance_then_citywide(client, offers):
    data = search(client, q="eenzaam", postcode="3533 EH")
    assert data["location"]["buurt"] == {"code": "BU03440112", "name": "Oog in Al"}
    assert titles(data) == [
        "Open huiskamer Dominicus",  # same buurt
        "Koffie-inloop Lombok",  # about 1 km
        "Buurtkamer Overvecht",  # about 4 km
        "Praatlijn voor heel Utrecht",  # for the whole city
    ]
    distances = [r["distance_m"] for r in data["results"]]
    assert distances[0] < 100 and distances[1] < distances[2] and distances[3] is None


def test_an_offer_not_checked_for_a_year_comes_after_an_equal_current_one(client, backend, indexed):
    # Two offers alike in all but the date they were last checked. The stale one comes
    # first in the alphabet, so only its age can put it second.
    for title, checked in [
        ("Soos Aan De Gracht", datetime.date(2020, 1, 1)),
        ("Soos Bij De Brug", datetime.date.today()),
    ]:
        make_offer(
            buurt("Lombok-West"),
            title=title,
            summary="Samen spelletjes doen met buren.",
            needs=("ontmoeting",),
            plekken=[LOMBOK],
            last_verified=checked,
        )
    indexed()
    expected = ["Soos Bij De Brug", "Soos Aan De Gracht"]
    assert titles(search(client, hulpvraag="ontmoeting")) == expected
    assert titles(search(client, hulpvraag="ontmoeting", postcode="3531 CK")) == expected


def test_nearness_follows_the_postcode(client, offers):
    assert titles(search(client, q="eenzaam", postcode="3562JT"))[0] == "Buurtkamer Overvecht"


def test_only_active_published_offers(client, offers, indexed):
    gone = make_offer(
        buurt("Oog in Al"),
        title="Gestopt koffiepunt",
        needs=("eenzaamheid",),
        status=AanbodPage.Status.BEEINDIGD,
    )
    closed = make_offer(
        buurt("Oog in Al"),
        title="Dicht koffiepunt",
        needs=("eenzaamheid",),
        status=AanbodPage.Status.TIJDELIJK_GESLOTEN,
    )
    draft = make_offer(
        buurt("Oog in Al"), title="Concept koffiepunt", needs=("eenzaamheid",), publish=False
    )
    indexed()
    found = titles(search(client, q="eenzaam"))
    for offer in (gone, closed, draft):
        assert offer.title not in found


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"rolstoel": "true"}, {"Open huiskamer Dominicus"}),
        (
            {"inloop": "true"},
            {"Open huiskamer Dominicus", "Buurtkamer Overvecht", "Praatlijn voor heel Utrecht"},
        ),
        ({"dag": "do"}, {"Koffie-inloop Lombok"}),
        ({"spreekt": "ar"}, {"Open huiskamer Dominicus"}),
        ({"doelgroep": "ouderen"}, {"Open huiskamer Dominicus"}),
        ({"buurt": "BU03440123"}, {"Koffie-inloop Lombok", "Praatlijn voor heel Utrecht"}),
        ({"wijk": "WK034403"}, {"Buurtkamer Overvecht", "Praatlijn voor heel Utrecht"}),
    ],
)
def test_filters(client, offers, params, expected):
    assert set(titles(search(client, q="eenzaam", **params))) == expected


def test_free_and_need_filter_without_words(client, offers):
    data = search(client, hulpvraag="geldzaken")
    assert titles(data) == ["Geldmaatjes"]
    assert search(client, hulpvraag="geldzaken", gratis="true")["total"] == 0


def test_facets_count_the_results(client, offers):
    facets = search(client, q="eenzaam")["facets"]
    needs = {f["code"]: f["count"] for f in facets["hulpvraag"]}
    assert needs["eenzaamheid"] == 4 and needs["ontmoeting"] == 3
    wijken = {f["code"]: f["count"] for f in facets["wijk"]}
    assert wijken == {"WK034401": 2, "WK034403": 1}
    assert {f["code"]: f["count"] for f in facets["doelgroep"]}["ouderen"] == 1


def test_pages_do_not_overlap(client, backend, indexed):
    for n in range(23):
        make_offer(buurt("Oog in Al"), title=f"Koffie {n:02d}", needs=("ontmoeting",))
    indexed()
    first, second = search(client, q="koffie"), search(client, q="koffie", pagina=2)
    assert first["total"] == second["total"] == 23
    assert len(first["results"]) == 20 and len(second["results"]) == 3
    assert not set(titles(first)) & set(titles(second))


def test_empty_query_lists_everything_near_first(client, offers):
    data = search(client, postcode="3562JT")
    assert data["total"] == len(offers)
    assert set(titles(data)[:2]) == {"Buurtkamer Overvecht", "Geldmaatjes"}


def test_result_fields(client, offers):
    result = search(client, q="repair")["results"][0]
    assert result["hsds_id"] is None
    assert result["url"].endswith("/west/lombok-west/" + offers["repair"].slug + "/")
    assert result["buurt"] == {"code": "BU03440123", "name": "Lombok-West"}
    assert result["wijk"] == {"code": "WK034401", "name": "West"}
    assert result["needs"] == [{"code": "buurtinitiatief", "label": "Zelf iets doen voor de buurt"}]
    assert isinstance(result["open_today"], bool)


# The index follows what editors do ----------------------------------------------------


def test_publishing_and_unpublishing(client, backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = make_offer(buurt("Oog in Al"), title="Nieuw taalcafé", needs=("taal",))
    assert titles(search(client, q="taalcafe")) == ["Nieuw taalcafé"]
    with django_capture_on_commit_callbacks(execute=True):
        offer.unpublish()
    assert search(client, q="taalcafe")["total"] == 0


def test_editing_and_deleting(client, backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = make_offer(buurt("Oog in Al"), title="Naaicafé", needs=("ontmoeting",))
    offer = AanbodPage.objects.get(pk=offer.pk)
    offer.title = "Breicafé De Steek"
    with django_capture_on_commit_callbacks(execute=True):
        offer.save_revision().publish()
    assert titles(search(client, q="breicafe")) == ["Breicafé De Steek"]
    with django_capture_on_commit_callbacks(execute=True):
        offer.delete()
    assert search(client, q="breicafe")["total"] == 0


def test_moving_to_another_buurt(client, backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = make_offer(buurt("Oog in Al"), title="Verhuisd koor", needs=("ontmoeting",))
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=offer.pk).move(buurt("Lombok-West"), pos="last-child")
    data = search(client, q="koor", buurt="BU03440123")
    assert titles(data) == ["Verhuisd koor"]
    assert data["results"][0]["buurt"]["name"] == "Lombok-West"


def test_a_new_synonym_for_a_need_is_understood(client, offers, django_capture_on_commit_callbacks):
    assert search(client, q="kwebbelen")["total"] == 0
    need = Hulpvraag.objects.get(code="eenzaamheid")
    need.synonyms += ", kwebbelen"
    with django_capture_on_commit_callbacks(execute=True):
        need.save()
    data = search(client, q="kwebbelen")
    assert data["interpreted_needs"][0]["code"] == "eenzaamheid"
    assert "Open huiskamer Dominicus" in titles(data)


def test_renamed_organisation_is_found(client, backend, django_capture_on_commit_callbacks):
    organisatie = make_organisatie(name="Stichting Oud")
    with django_capture_on_commit_callbacks(execute=True):
        make_offer(
            buurt("Oog in Al"), title="Spelmiddag", needs=("ontmoeting",), organisatie=organisatie
        )
    organisatie.name = "Stichting Dobbelsteen"
    with django_capture_on_commit_callbacks(execute=True):
        organisatie.save()
    assert titles(search(client, q="dobbelsteen")) == ["Spelmiddag"]


def test_rebuild_command(client, offers):
    call_command("search_index", verbosity=0)
    assert "Repair Café Lombok" in titles(search(client, q="repair"))


def test_dated_event_counts_for_its_weekday(client, backend, indexed):
    next_friday = datetime.date.today() + datetime.timedelta(
        days=(4 - datetime.date.today().weekday()) % 7 + 7
    )
    make_offer(
        buurt("Oog in Al"),
        title="Buurtfeest",
        needs=("buurtinitiatief",),
        tijden=[
            {"date": next_friday, "opens_at": datetime.time(15), "closes_at": datetime.time(18)}
        ],
    )
    indexed()
    assert titles(search(client, q="buurtfeest", dag="vr")) == ["Buurtfeest"]
    assert search(client, q="buurtfeest", dag="za")["total"] == 0


LONELY = {"en": "lonely", "ar": "وحيد", "tr": "yalnız", "pl": "samotny", "uk": "самотній"}


@pytest.mark.parametrize("language", sorted(LONELY))
def test_own_words_in_every_language_find_the_need(client, translated_needs, offers, language):
    data = search(client, q=LONELY[language], taal=language)
    phrasing = translated_needs["eenzaamheid"][language]["phrasing"]
    assert data["interpreted_needs"][0] == {"code": "eenzaamheid", "label": phrasing}
    assert {
        "Open huiskamer Dominicus",
        "Koffie-inloop Lombok",
        "Praatlijn voor heel Utrecht",
    } <= set(titles(data))
    assert "Wandelgroep" not in titles(data)


def test_results_in_the_visitors_language_with_the_dutch_fallback(client, translated_needs, offers):
    huiskamer = offers["huiskamer"]
    huiskamer.title_ar = "غرفة المعيشة المفتوحة"
    huiskamer.save_revision().publish()
    data = search(client, q="وحيد", taal="ar", HTTP_ACCEPT_LANGUAGE="en")
    result = next(r for r in data["results"] if r["id"] == huiskamer.pk)
    assert result["title"] == "غرفة المعيشة المفتوحة" and result["title_lang"] == "ar"
    assert result["summary"] == "Koffie en een praatje voor wie alleen woont."
    assert result["summary_lang"] == "nl"
    assert "/ar/" in result["url"]
    assert {"code": "eenzaamheid", "label": "أشعر بالوحدة"} in result["needs"]
    # Without taal the answer is Dutch, whatever the browser asks for.
    data = search(client, q="alleen", HTTP_ACCEPT_LANGUAGE="ar")
    result = next(r for r in data["results"] if r["id"] == huiskamer.pk)
    assert result["title"] == "Open huiskamer Dominicus" and "/ar/" not in result["url"]


# Full text in every language: an offer's own translation is found with the words of that
# language, not only through the needs' words. (The Dutch text and the need say nothing of it.)
TRANSLATED_TEXT = {
    "en": ("Debt advice every Tuesday", "We give free advice on debt and bills.", "debt advice"),
    "ar": ("دروس الخياطة", "نتعلم الخياطة معا في الحي.", "الخياطة"),
    "tr": ("Resim kursu", "Komşularla birlikte resim yapıyoruz.", "resim"),
    "pl": ("Kurs szycia", "Razem uczymy się szycia.", "szycia"),
    "uk": ("Курси шиття", "Разом вчимося шиття у сусідів.", "шиття"),
}


@pytest.mark.parametrize("language", sorted(TRANSLATED_TEXT))
def test_translated_text_is_found_in_its_own_language(client, backend, indexed, language):
    title, summary, words = TRANSLATED_TEXT[language]
    offer = make_offer(
        buurt("Oog in Al"),
        title="Atelier De Draad",
        summary="Samen maken in het atelier.",
        needs=("buurtinitiatief",),
        **{f"title_{language}": title, f"summary_{language}": summary},
    )
    make_offer(buurt("Oog in Al"), title="Buurtmoestuin", needs=("buurtinitiatief",))
    indexed()
    data = search(client, q=words, taal=language)
    assert [r["id"] for r in data["results"]][:1] == [offer.pk]
    assert data["results"][0]["title"] == title


# The ranking rules of search.ranking, the same on every backend (issue 16) -------------

STATION = {
    "address": "Stationsplein 1",
    "postcode": "3511 CE",
    "latitude": 52.0894,
    "longitude": 5.1100,
}
VREDENBURG = {
    "address": "Vredenburg 40",
    "postcode": "3511 BD",
    "latitude": 52.0925,
    "longitude": 5.1150,
}


def test_an_offer_made_for_the_need_comes_before_one_that_also_serves_it(client, backend, indexed):
    # Both serve loneliness and meeting people, in the same place. The centre names
    # meeting people (its main need) and comes first in the alphabet; the visiting
    # volunteer is made for loneliness ("bezoekmaatje"), so it fits "ik ben eenzaam" better.
    for title, summary in [
        ("Activiteitencentrum De Kom", "Elke dag open om elkaar te ontmoeten."),
        ("Bezoekmaatje", "Een vrijwilliger komt elke week bij u thuis langs."),
    ]:
        make_offer(
            buurt("Oog in Al"),
            title=title,
            summary=summary,
            needs=("eenzaamheid", "ontmoeting"),
            plekken=[OOG_IN_AL],
        )
    indexed()
    assert titles(search(client, q="ik ben eenzaam")) == [
        "Bezoekmaatje",
        "Activiteitencentrum De Kom",
    ]
    # Asked for meeting people, it is the other way round.
    assert titles(search(client, hulpvraag="ontmoeting", q="ontmoeten"))[0] == (
        "Activiteitencentrum De Kom"
    )


def test_equal_fits_come_nearest_first_however_well_the_words_match(client, backend, indexed):
    # From Oog in Al: the coffee morning at the station is 1.5 km away, the one on the
    # Vredenburg 1.9 km. The far one says "krant" more often and in its title, which made
    # an engine's text score lift it above the nearer one.
    make_offer(
        buurt("Lombok-West"),
        title="Buurtkamer bij het station",
        summary="Een ochtend met de krant, thee, koffie en een praatje met wie er binnenloopt.",
        needs=("ontmoeting",),
        plekken=[STATION],
    )
    make_offer(
        buurt("Lombok-West"),
        title="De krant",
        summary="Samen de krant lezen en de krant bespreken.",
        needs=("ontmoeting",),
        plekken=[VREDENBURG],
    )
    for n in range(6):
        make_offer(
            buurt("Oog in Al"),
            title=f"Wandelclub {n}",
            summary="Samen lopen door het park.",
            needs=("bewegen",),
        )
    indexed()
    data = search(client, q="krant", postcode="3533 EH")
    assert titles(data) == ["Buurtkamer bij het station", "De krant"]
    assert data["results"][0]["distance_m"] < data["results"][1]["distance_m"]


VISITOR_TITLES = {
    # language: (title of "Aan tafel", title of "Zondagmiddag")
    "en": ("Table talk", "A Sunday afternoon"),
    "ar": ("طاولة الحديث", "ابتسامة الأحد"),
}


@pytest.mark.parametrize("language", sorted(VISITOR_TITLES))
def test_equal_fits_are_in_the_order_of_the_visitors_language(client, backend, indexed, language):
    table, sunday = VISITOR_TITLES[language]
    for dutch, translated in [("Aan tafel", table), ("Zondagmiddag", sunday)]:
        make_offer(
            buurt("Oog in Al"),
            title=dutch,
            summary="Elke week samen eten.",
            needs=("eenzaamheid",),
            plekken=[OOG_IN_AL],
            **{f"title_{language}": translated},
        )
    indexed()
    # Chosen from the list of needs: both fit as well. (With words, the database orders
    # equal fits by how well the words match first: search/README.md.)
    assert titles(search(client, hulpvraag="eenzaamheid")) == ["Aan tafel", "Zondagmiddag"]
    assert titles(search(client, hulpvraag="eenzaamheid", taal=language)) == [sunday, table]


# The words count as found only where the offer's own text has them, as on the database:
# the engines once widened each word to all the words of its need at search time, so an
# offer that said "fietsen" had the text of "wandelen" and came before the walking groups
# ("wandelen" near 3524 BR, "repair café" near 3523 LK in the relevance set).
@pytest.mark.parametrize(
    "words,need,matching,other",
    [
        ("wandelen", "bewegen", "Samen wandelen door het park.", "Samen fietsen door de stad."),
        (
            "repair café",
            "praktische-hulp",
            "In het repair café maken vrijwilligers uw spullen.",
            "Een vrijwilliger doet kleine klusjes in huis.",
        ),
    ],
)
def test_offers_whose_text_has_the_words_come_first_nearest_first(
    client, backend, indexed, words, need, matching, other
):
    # From Oog in Al: the station is 1.5 km away, the Vredenburg 1.9 km, Lombok 0.9 km.
    for title, summary, place in [
        ("Bij het station", matching, STATION),
        ("Op het Vredenburg", matching, VREDENBURG),
        ("In Lombok", other, LOMBOK),
    ]:
        make_offer(
            buurt("Lombok-West"), title=title, summary=summary, needs=(need,), plekken=[place]
        )
    indexed()
    data = search(client, q=words, postcode="3533 EH")
    assert titles(data) == ["Bij het station", "Op het Vredenburg", "In Lombok"]
