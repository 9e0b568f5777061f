"""One test per accessibility rule, with the rule ids of the issue."""

import pytest

from checks.a11y import check_html


def rules(html, fragment=True):
    return [issue.rule for issue in check_html(html, fragment=fragment)]


def only(html, fragment=True):
    (issue,) = check_html(html, fragment=fragment)
    return issue


@pytest.mark.parametrize(
    "img",
    [
        '<img src="/a.jpg">',
        '<img src="/a.jpg" alt="">',
        '<img src="/a.jpg" alt="IMG_2034.jpg">',
        '<img src="/a.jpg" alt="DSC0042">',
        '<embed embedtype="image" id="1" format="left">',
    ],
)
def test_img_alt_missing_empty_or_a_file_name(img):
    issue = only(f"<p>{img}</p>")
    assert issue.rule == "img-alt" and issue.severity == "error"
    assert "<img" in issue.element or "<embed" in issue.element
    assert "afbeelding" in issue.message


@pytest.mark.parametrize(
    "img",
    [
        '<img src="/a.jpg" alt="Buren eten samen aan een lange tafel">',
        '<img src="/lijn.png" alt="" role="presentation">',
        '<embed embedtype="image" id="1" format="left" alt="">',  # Wagtail: chosen 'decorative'
    ],
)
def test_img_alt_good_or_decorative(img):
    assert rules(f"<p>{img}</p>") == []


def test_heading_order_skipped_level():
    issue = only("<h2>Wanneer</h2><h4>Dinsdag</h4>")
    assert issue.rule == "heading-order"
    assert "kop 3" in issue.message and "<h4>" in issue.element


def test_heading_order_going_back_up_is_fine():
    assert rules("<h2>A</h2><h3>B</h3><h2>C</h2>") == []


def test_heading_order_in_rich_text_starts_below_the_page_title():
    assert rules("<h3>Te diep</h3>") == ["heading-order"]


def test_heading_empty():
    issue = only("<h2> </h2>")
    assert issue.rule == "heading-empty" and issue.severity == "error"


def test_h1_in_body():
    assert rules("<h1>Nog een titel</h1>") == ["h1-in-body"]
    page = "<main><h1>Titel</h1><h2>Kop</h2><h1>Tweede</h1></main>"
    assert rules(page, fragment=False) == ["h1-in-body"]


def test_link_empty():
    issue = only('<a href="/x"></a>')
    assert issue.rule == "link-empty"
    assert rules('<a href="/x"><img src="/i.png"></a>') == ["img-alt", "link-empty"]


def test_link_with_an_image_with_alt_or_an_aria_label_is_not_empty():
    assert rules('<a href="/x"><img src="/i.png" alt="Naar de voorpagina"></a>') == []
    assert rules('<a href="/x" aria-label="Sluiten">×</a>') == []


@pytest.mark.parametrize(
    "text",
    ["klik hier", "Hier", "Lees meer", "meer", "meer info", "deze link", "link", "Klik hier!"],
)
def test_link_vague(text):
    issue = only(f'<a href="/x">{text}</a>')
    assert issue.rule == "link-vague" and issue.severity == "error"
    assert text in issue.message


def test_a_clear_link_text_is_fine():
    assert rules('<a href="/x">Lees meer over de taalcafés</a>') == []


def test_link_new_window():
    issue = only('<a href="https://example.org" target="_blank">Website van de bibliotheek</a>')
    assert issue.rule == "link-new-window" and issue.severity == "warning"
    assert rules('<a href="/x" target="_blank">Rooster (opent in een nieuw venster)</a>') == []


@pytest.mark.parametrize("href", ["/folder.pdf", "/Rooster.DOCX?v=2", "/lijst.xlsx"])
def test_link_file_without_format_in_text(href):
    issue = only(f'<a href="{href}">Het rooster</a>')
    assert issue.rule == "link-file"


def test_link_file_with_format_in_text_is_fine():
    assert rules('<a href="/folder.pdf">Folder (PDF, 200 kB)</a>') == []
    assert rules('<a href="/lijst.xlsx">Ledenlijst in Excel</a>') == []


def test_link_to_a_wagtail_document_in_rich_text_is_a_file():
    assert rules('<a linktype="document" id="3">Het rooster</a>') == ["link-file"]


def test_table_header():
    assert rules("<table><tr><td>Ma</td><td>10:00</td></tr></table>") == ["table-header"]
    assert (
        rules("<table><tr><th>Dag</th><th>Tijd</th></tr><tr><td>Ma</td><td>10</td></tr></table>")
        == []
    )


def test_all_caps():
    issue = only("<p>Kom langs. GRATIS KOFFIE VOOR IEDEREEN!</p>")
    assert issue.rule == "all-caps" and issue.severity == "warning"
    assert issue.element == "GRATIS KOFFIE VOOR IEDEREEN"


def test_an_abbreviation_is_not_all_caps():
    assert rules("<p>Bel de GGD of het UWV.</p>") == []


def test_on_a_page_only_the_main_content_is_checked():
    page = '<header><a href="/">hier</a></header><main><h1>Titel</h1><p>Tekst</p></main>'
    assert rules(page, fragment=False) == []


def test_json_shape():
    data = check_html('<a href="/x">hier</a>', fragment=True)[0].as_dict()
    assert set(data) == {"rule", "severity", "element", "message"}
