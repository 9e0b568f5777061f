"""Phone numbers become tel: links that a phone can call, whichever way they are written."""

import pytest

from utrecht.phone import national_digits, tel_href


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("14 030", "tel:14030"),
        ("030 123 4567", "tel:+31301234567"),
        ("030-1234567", "tel:+31301234567"),
        ("+31 30 123 4567", "tel:+31301234567"),
        ("+31 (0)30 123 4567", "tel:+31301234567"),
        ("0031 30 123 4567", "tel:+31301234567"),
        ("06 12345678", "tel:+31612345678"),
        ("0800 1234", "tel:08001234"),
        ("112", "tel:112"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("", ""),
        ("bel ons", ""),
    ],
)
def test_tel_href(written, href):
    assert tel_href(written) == href


def test_national_digits_drop_the_country_code_and_the_extra_zero():
    assert national_digits("+31 (0)6 1234 5678") == "0612345678"
    assert national_digits("14 030") == "14030"
