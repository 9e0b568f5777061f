"""'Lees voor': the browser reads the page aloud in the page language; the button is hidden
where the browser cannot speak, and the page works without JavaScript."""

from tests.factories import make_offer

RECORD_SPEECH = """
window.__spoken = [];
window.speechSynthesis.speak = u => window.__spoken.push({text: u.text, lang: u.lang});
"""
NO_SPEECH = (
    "Object.defineProperty(window, 'speechSynthesis', {get: () => undefined, configurable: true});"
)


def test_lees_voor_reads_the_content_in_dutch(page):
    offer = make_offer(title="Soep op dinsdag", summary="Elke dinsdag is er soep.")
    page.add_init_script(RECORD_SPEECH)
    page.goto(page.base_url + offer.url)
    button = page.get_by_role("button", name="Lees voor")
    assert button.is_visible()
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[0] == {"text": "Soep op dinsdag", "lang": "nl"}
    assert {"text": "Elke dinsdag is er soep.", "lang": "nl"} in spoken
    assert not any("Lees voor" in s["text"] for s in spoken)
    assert (
        page.get_by_role("button", name="Stop met voorlezen").get_attribute("aria-pressed")
        == "true"
    )


def test_lees_voor_is_hidden_without_speech_synthesis(page):
    page.add_init_script(NO_SPEECH)
    page.goto(page.base_url + make_offer().url)
    assert page.locator("[data-lees-voor]").count() == 1
    assert not page.locator("[data-lees-voor]").is_visible()


def test_pages_work_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        offer = make_offer(title="Soep op dinsdag")
        page.goto(live_server.url + offer.url)
        assert page.get_by_role("heading", level=1).inner_text() == "Soep op dinsdag"
        assert not page.locator("[data-lees-voor]").is_visible()
    finally:
        context.close()
