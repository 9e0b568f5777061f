"""The shipped demo offers keep the project's rules (places in the right buurt, codes that
exist, plain sentences, enough offers per wijk and need): a broken demo file fails here."""

import json

from . import demo_rules


def test_the_demo_file_passes_the_demo_rules():
    data = json.loads(demo_rules.DEFAULT_FILE.read_text(encoding="utf-8"))
    errors, _counts = demo_rules.check(data, demo_rules.load_reference())
    assert errors == []


def test_the_demo_rules_find_a_place_in_the_wrong_wijk():
    data = json.loads(demo_rules.DEFAULT_FILE.read_text(encoding="utf-8"))
    address = data["services"][0]["service_at_locations"][0]["location"]["addresses"][0]
    address["postal_code"] = "3451 AA"  # Vleuten-De Meern, far from the demo's first place
    errors, _counts = demo_rules.check(data, demo_rules.load_reference())
    assert errors
