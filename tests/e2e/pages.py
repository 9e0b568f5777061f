"""Test content for the browser tests: an offer with every optional field filled in."""

import datetime

from aanbod.models import AanbodPage
from tests.factories import make_offer, make_organisatie


def full_offer() -> AanbodPage:
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    photo = Image.objects.create(title="Buren aan tafel", file=get_test_image_file())
    return make_offer(
        title="Buurtmaaltijd De Lange Tafel",
        summary="Elke donderdag eten buren samen. Iedereen is welkom.",
        body=(
            "<h2>Wat we doen</h2><p>Bewoners koken om de beurt. We eten om 18:00.</p>"
            "<h3>Meenemen</h3><ul><li>Een bord</li><li>Goede zin</li></ul>"
            '<p>Bekijk <a href="https://example.org/menu">het menu van deze week</a>.</p>'
        ),
        needs=("eten", "ontmoeting"),
        groups=("ouderen", "iedereen"),
        kind=AanbodPage.Kind.ACTIVITEIT,
        organisatie=make_organisatie(
            name="Stichting De Lange Tafel", website="https://example.org"
        ),
        cost=AanbodPage.Cost.BEDRAG,
        cost_amount=4,
        cost_note="Met U-pas gratis.",
        registration=AanbodPage.Registration.AANMELDEN,
        registration_note="Meld u uiterlijk woensdag aan bij Fatima.",
        referral="De huisarts of het buurtteam kan bellen. Een brief is niet nodig.",
        eligibility="Voor iedereen uit de buurt.",
        contact_name="Fatima",
        contact_role="gastvrouw",
        contact_phone="030 123 4567",
        contact_email="fatima@example.org",
        phone="030 765 4321",
        email="tafel@example.org",
        website="https://example.org/tafel",
        languages=["nl", "ar", "en"],
        rolstoel=True,
        rolstoel_note="Er is een lift.",
        toilet=True,
        toilet_note="Op de begane grond.",
        ringleiding=True,
        ringleiding_note="In de grote zaal.",
        stille_ruimte=True,
        stille_ruimte_note="Vraag ernaar bij binnenkomst.",
        geleidehond=True,
        geleidehond_note="Water staat klaar.",
        photo=photo,
        photo_alt="Buren eten samen aan een lange tafel.",
        tijden=[
            {"weekday": 4, "opens_at": datetime.time(17, 30), "closes_at": datetime.time(20, 0)},
            {
                "date": datetime.date(2026, 12, 24),
                "opens_at": datetime.time(17, 0),
                "closes_at": datetime.time(21, 0),
                "note": "Kerstdiner",
            },
        ],
        plekken=[
            {
                "name": "Buurthuis De Leeuw",
                "address": "Kanaalweg 10",
                "postcode": "3526 KL",
                "latitude": 52.08,
                "longitude": 5.09,
            }
        ],
    )
