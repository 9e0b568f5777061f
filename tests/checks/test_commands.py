"""The command line: `check_language` and `check_accessibility`, their JSON and exit status."""

import json

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from tests.factories import make_offer


def run(*args) -> dict | list:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def test_taalcheck_file_json(tmp_path, db):
    path = tmp_path / "brief.txt"
    path.write_text("Indien u reeds een pas heeft, kom dan langs. Het formulier wordt verstuurd.")
    data = run("check_language", "--file", str(path), "--json")
    assert data["verdict"] == "boven B1"
    assert {"words", "sentences", "flesch_douma", "lix"} <= set(data["scores"])
    issue = data["issues"][0]
    assert issue == {
        "kind": "officialese",
        "text": "Indien",
        "start": 0,
        "end": 6,
        "suggestion": "Ambtelijk. Schrijf liever: als.",
    }
    assert {"officialese", "passive"} <= {i["kind"] for i in data["issues"]}


def test_taalcheck_page_json_checks_all_text_fields(db):
    page = make_offer(summary="Kom koffie drinken.", eligibility="Indien u ouder bent dan 65.")
    data = run("check_language", "--page", str(page.pk), "--json")
    assert [i["text"] for i in data["issues"] if i["kind"] == "officialese"] == ["Indien"]


def test_taalcheck_all_lists_every_page(db):
    make_offer(title="Soep op dinsdag")
    data = run("check_language", "--all", "--json")
    assert any(row["page"].endswith("Soep op dinsdag") for row in data)
    assert all(row["verdict"] in ("B1", "boven B1") for row in data)


def test_toegankelijkheidscheck_html_json(tmp_path, db):
    path = tmp_path / "stuk.html"
    path.write_text('<h3>Rooster</h3><p><a href="/r.pdf">klik hier</a></p>')
    data = run("check_accessibility", "--html", str(path), "--json")
    assert [i["rule"] for i in data["issues"]] == ["heading-order", "link-vague", "link-file"]
    assert set(data["issues"][0]) == {"rule", "severity", "element", "message"}


def test_toegankelijkheidscheck_page_json(db):
    page = make_offer(body='<p>Zie het <a href="/rooster.pdf">rooster</a>.</p><h4>Meer</h4>')
    data = run("check_accessibility", "--page", str(page.pk), "--json")
    assert {"link-file", "heading-order"} <= {i["rule"] for i in data["issues"]}


def test_an_unknown_page_is_a_usage_error(db):
    with pytest.raises(CommandError):
        call_command("check_language", "--page", "999999", "--json")


def test_exit_status_is_0_with_findings(tmp_path, db, capsys):
    path = tmp_path / "t.txt"
    path.write_text("Teneinde u te informeren, delen wij u mede dat dit reeds is geregeld.")
    # Run as from the shell: a CommandError or parser error would end in SystemExit.
    execute_from_command_line(["manage.py", "check_language", "--file", str(path), "--json"])
    assert json.loads(capsys.readouterr().out)["verdict"] == "boven B1"


@pytest.mark.parametrize(
    "argv",
    [
        ["check_accessibility", "--json"],
        ["check_language", "--file", "a.txt", "--all"],
        ["check_language", "--page", "geen-getal"],
    ],
)
def test_a_usage_error_exits_with_1(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", *argv])
    assert exit_info.value.code == 1
    assert "usage:" in capsys.readouterr().err
