"""import_hsds with truncated, huge, wrongly typed and hostile files: it stops with a clear
message in Dutch and changes nothing (the whole import is one transaction)."""

import json
import time
import tracemalloc

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from aanbod.models import Organisatie, Plek, Tijdstip
from hsds.load import import_file
from inrichting.management.commands.load_demo import DEMO_FILE

pytestmark = pytest.mark.django_db

EXAMPLE = json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def _state():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Organisatie.objects.count(),
        Plek.objects.count(),
        Tijdstip.objects.count(),
        list(Page.objects.order_by("pk").values_list("title", "live", "url_path")[:50]),
    )


def _import_fails(tmp_path, content: bytes | str) -> str:
    path = tmp_path / "aanbod.json"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    before = _state()
    with pytest.raises(CommandError) as raised:
        call_command("import_hsds", str(path))
    assert _state() == before, "the failed import changed something"
    message = str(raised.value)
    assert message.startswith("Het bestand is niet ingelezen. Er is niets veranderd.")
    return message


def test_a_truncated_file(tmp_path):
    text = json.dumps(EXAMPLE)
    message = _import_fails(tmp_path, text[: len(text) // 2])
    assert "geen geldige JSON" in message and "regel" in message


@override_settings(BUURTWIJZER_HSDS_MAX_BYTES=10_000)
def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    message = _import_fails(tmp_path, json.dumps(EXAMPLE) + " " * 20_000)
    assert "te groot" in message


def test_sixteen_million_objects_are_refused_quickly_in_little_memory(tmp_path):
    """48 MB of "{}," (under the size limit) once took 21.5 GB and 300 s."""
    content = b"[" + b"{}," * 16_000_000 + b"{}]"
    assert len(content) < 50 * 1024 * 1024
    started = time.monotonic()
    tracemalloc.start()
    try:
        message = _import_fails(tmp_path, content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "te veel onderdelen" in message and "16.000.002 objecten en lijsten" in message
    assert peak < 250 * 1024 * 1024, f"{peak / 2**20:.0f} MB"  # the file as text: ~100 MB
    assert time.monotonic() - started < 20


def test_too_many_services_in_one_file_are_refused(tmp_path):
    message = _import_fails(tmp_path, json.dumps({"services": [{}] * 20_001}))
    assert "20.001 diensten" in message and "hoogstens 20.000" in message


def test_deep_nesting_does_not_crash(tmp_path):
    message = _import_fails(tmp_path, "[" * 200_000 + "]" * 200_000)
    assert "te diep genest" in message


def test_not_a_number_is_refused(tmp_path):
    data = json.loads(json.dumps(EXAMPLE))
    data["services"][0]["service_at_locations"][0]["location"]["latitude"] = float("nan")
    message = _import_fails(tmp_path, json.dumps(data))  # writes NaN, which JSON does not have
    assert "NaN" in message


def test_binary_rubbish(tmp_path):
    message = _import_fails(tmp_path, bytes(range(256)) * 10)
    assert "UTF-8" in message


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(services="alles"),
        lambda d: d["services"][0].update(name=["Buurtkamer"]),
        lambda d: d["services"][0].update(name=None),
        lambda d: d["services"][0].update(schedules="maandag"),
        lambda d: d["services"][0].update(schedules=[{"opens_at": 10, "byday": ["MO"]}]),
        lambda d: d["services"][0].update(phones=[{"number": {"nummer": 1}}]),
        lambda d: d["services"][0]["service_at_locations"][0]["location"].update(latitude="noord"),
        lambda d: d["services"][0].update(email="<script>@example.org"),
        lambda d: d["services"][0].update(url="javascript:alert(1)"),
        lambda d: d["services"][0].update(description="x" * 200_000),
    ],
    ids=[
        "services-not-a-list",
        "name-a-list",
        "name-missing",
        "schedules-text",
        "schedule-wrong-types",
        "phone-an-object",
        "latitude-text",
        "email-hostile",
        "url-javascript",
        "description-huge",
    ],
)
def test_wrongly_typed_and_hostile_values(tmp_path, change):
    data = json.loads(json.dumps(EXAMPLE))
    change(data)
    _import_fails(tmp_path, json.dumps(data))


def test_one_bad_offer_after_good_ones_keeps_the_good_ones_out_too(tmp_path):
    data = json.loads(json.dumps(EXAMPLE))
    bad = json.loads(json.dumps(data["services"][0]))
    bad.update(id="kapot", schedules="maandag")
    data["services"].append(bad)
    message = _import_fails(tmp_path, json.dumps(data))
    assert "kapot" in message or "services[" in message


def test_the_example_itself_still_imports(tmp_path):
    path = tmp_path / "goed.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    result = import_file(path)
    assert result.created + result.updated + result.unchanged == len(EXAMPLE["services"])
