"""The ranking formula itself (search.ranking), which every backend follows."""

from search import ranking
from search.criteria import AskedNeed, Criteria, Location

NEARBY = ranking.Place(buurt_codes=frozenset({"BU03440112"}))
CITYWIDE = ranking.Place(citywide=True)


def test_an_offer_that_barely_fits_does_not_come_first():
    # Three needs asked; one offer serves only the weakest, on the side (its fit rounds
    # down to 0) in the resident's buurt; the other, for the whole city, is made for the
    # strongest. The one that fits comes first.
    criteria = Criteria(
        needs=(
            AskedNeed("eenzaamheid", weight=1.0),
            AskedNeed("ontmoeting", weight=1.0),
            AskedNeed("taal", weight=0.5),
        )
    )
    scorer = ranking.Scorer(
        Criteria(needs=criteria.needs, location=Location.of_buurt("BU03440112"))
    )
    barely = scorer.sort_key(NEARBY, {"taal", "bewegen"}, main_needs={"bewegen"})
    well = scorer.sort_key(CITYWIDE, {"eenzaamheid"}, main_needs={"eenzaamheid"})
    assert sorted([barely, well]) == [well, barely]
