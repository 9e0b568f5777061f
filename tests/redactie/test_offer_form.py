"""Issue 18 point 3, the offer form: "Nieuw aanbod" on the dashboard, the languages spoken as a
searchable list with the common ones first, coordinates from the postcode, and the buurt list
of the invitation grouped by wijk."""

import re
from html import unescape

import pytest
from django.urls import reverse

from aanbod.models import Plek
from tests.factories import make_offer
from utrecht.postcode import lookup

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def add_url(buurt):
    return reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", buurt.pk])


def test_a_buurt_editor_has_one_button_nieuw_aanbod_to_the_form_under_their_buurt(
    client, editor, places
):
    client.force_login(editor)
    html = client.get(HOME).content.decode()

    button = re.search(r'<a href="([^"]+)" class="button[^"]*">.*?Nieuw aanbod</a>', html, re.S)
    assert button and button.group(1) == add_url(places["oog_in_al"])
    assert client.get(button.group(1)).status_code == 200


def test_a_coordinator_chooses_the_buurt_first_from_the_buurten_of_their_wijk(
    client, coordinator, places
):
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()

    form = re.search(r'<form action="([^"]+)" method="get">(.*?)</form>', html, re.S)
    assert form and "Nieuw aanbod" in form.group(2)
    options = re.findall(r'<option value="(\d+)">([^<]+)</option>', form.group(2))
    names = [name for _pk, name in options]
    assert "Oog in Al" in names and "Lombok-West" in names
    assert "Voordorp" not in " ".join(names)  # another wijk
    assert '<optgroup label="West">' in form.group(2)
    chosen = client.get(form.group(1), {"buurt": places["lombok"].pk})
    assert chosen.status_code == 302 and chosen["Location"] == add_url(places["lombok"])
    refused = client.get(form.group(1), {"buurt": places["voordorp"].pk})
    assert refused["Location"] == HOME


def test_the_languages_are_grouped_with_the_common_ones_first_and_a_search_box(client, editor):
    offer = make_offer(title="Taalcafé", languages=["nl", "xh"])
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()

    box = html[html.index('<div class="bw-talen" data-bw-talen ') :]
    box = box[: box.index("</fieldset>", box.index("Andere talen"))]
    groups = re.findall(r"<legend[^>]*>([^<]+)</legend>", box)
    assert groups == ["Veel gesproken", "Andere talen"]
    common = box[: box.index("Andere talen")]
    for name in ("Nederlands", "Arabisch", "Turks", "Pools", "Oekraïens"):
        assert re.search(rf">\s*{name}</label>", common)
    assert "Albanees" not in common  # further down, by name
    assert 'type="search"' in box and "Zoek een taal" in box
    assert "Gekozen: Nederlands, XH" in unescape(box)  # a code without a name is kept
    assert "aanbod/talen.js" in html


def test_a_place_gets_its_point_on_the_map_from_the_postcode(db):
    offer = make_offer(plekken=[{"address": "Kanaalweg 1", "postcode": "3526 KL"}])
    (place,) = offer.plekken.all()
    buurt = lookup("3526KL").buurt
    assert (place.latitude, place.longitude) == (buurt.lat, buurt.lon)
    assert place.buurt_code == buurt.code

    place.postcode = "3581 AB"  # moved: the estimate follows the postcode
    place.save()
    moved = lookup("3581AB").buurt
    assert (place.latitude, place.longitude) == (moved.lat, moved.lon)


def test_a_measured_point_is_kept(db):
    offer = make_offer(
        plekken=[
            {
                "address": "Kanaalweg 1",
                "postcode": "3526KL",
                "latitude": 52.0812,
                "longitude": 5.0921,
            }
        ]
    )
    place = Plek.objects.get(page=offer)
    assert (place.latitude, place.longitude) == (52.0812, 5.0921)


def test_the_editor_does_not_type_coordinates(client, editor, places):
    client.force_login(editor)
    html = client.get(add_url(places["oog_in_al"])).content.decode()
    assert "Plek op de kaart (voor gevorderden)" in html
    assert not re.search(r'<input[^>]+name="plekken-__prefix__-latitude"', html)
    assert not re.search(r'<input[^>]+name="plekken-__prefix__-longitude"', html)


def test_the_buurten_of_the_invitation_are_grouped_by_wijk(client, beheerder):
    client.force_login(beheerder)
    html = client.get("/admin/uitnodigen/").content.decode()
    select = re.search(r'<select name="buurt".*?</select>', html, re.S).group(0)
    west = re.search(r'<optgroup label="West">(.*?)</optgroup>', select, re.S)
    assert west and "Oog in Al" in west.group(1) and "Lombok-West" in west.group(1)
    assert "Voordorp" not in west.group(1)
    assert len(re.findall("<optgroup", select)) == 10
