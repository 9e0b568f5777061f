"""Every absolute URL comes from BUURTWIJZER_PUBLIC_URL, not from the Wagtail Site (localhost:80
in the demo) nor from the request: a QR code on a referral card must lead to the real site."""

from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site

from aanbod.public import check_public_url
from tests.factories import make_offer

from .qr_decode import decode, svgs

pytestmark = pytest.mark.django_db

PUBLIC = "https://buurtwijzer.utrecht.example"


@override_settings(BUURTWIJZER_PUBLIC_URL=PUBLIC)
def test_qr_codes_share_links_and_feeds_use_the_public_address(client):
    Site.objects.update(hostname="localhost", port=80)
    offer = make_offer(title="Taalcafé De Leeuw")
    ids = f"?ids={offer.pk}"

    sheet = client.get(reverse("lijst:sheet") + ids).content.decode()
    card = client.get(reverse("lijst:card", args=[offer.pk])).content.decode()
    for html in (sheet, card):
        assert [decode(svg) for svg in svgs(html)] == [PUBLIC + offer.url]
        assert "localhost" not in html

    shortlist = client.get(reverse("lijst:shortlist") + ids)
    assert shortlist.context["share_url"] == f"{PUBLIC}{reverse('lijst:shortlist')}{ids}"
    assert f"{PUBLIC}{offer.url}" in unquote(shortlist.context["mailto"])

    feed = client.get(reverse("aanbod:agenda", args=[offer.pk])).content.decode()
    assert "localhost" not in feed
    assert offer.full_url == PUBLIC + offer.url  # Wagtail's own e-mails use this


@override_settings(DEBUG=False)
@pytest.mark.parametrize("url", ["", "http://localhost", "http://127.0.0.1:8000", "buurtwijzer"])
def test_production_refuses_a_missing_or_local_public_address(url):
    with override_settings(BUURTWIJZER_PUBLIC_URL=url):
        assert [error.id for error in check_public_url()] == ["buurtwijzer.E001"]
        with pytest.raises(SystemCheckError):
            call_command("check")


@override_settings(DEBUG=False, BUURTWIJZER_PUBLIC_URL=PUBLIC)
def test_production_accepts_a_public_address():
    assert check_public_url() == []
