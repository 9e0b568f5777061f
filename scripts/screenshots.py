"""Screenshots and PDFs of the public pages, to look at before calling a page done.

Usage (against a running site with demo content, e.g. `make run`):

    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out tests/e2e/screenshots/pages]

Full-page PNGs of home, buurt, search (filters open and closed), offer, list, A4 sheet and
overview at 375 and 1280 px, in Dutch and Arabic, with JavaScript on and off; and the offer
page, the A4 sheet and the A5 card printed to PDF. Uses Debian's Chromium (never downloads
a browser). The output is not kept in git.
"""

import argparse
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (375, 1280)
LANGUAGES = ("nl", "ar")


def first_offer_ids(page, base: str) -> list[str]:
    """The offer ids of the first search results, read from the cards' Bewaar buttons."""
    page.goto(f"{base}/zoeken/?q=koffie")
    html = page.content()
    return re.findall(r'name="bij" value="(\d+)"', html)[:2]


def paths(prefix: str, ids: list[str], offer_url: str) -> dict[str, str]:
    joined = ",".join(ids)
    return {
        "home": f"{prefix}/",
        "buurt": f"{prefix}/west/oog-in-al/",
        "search": f"{prefix}/zoeken/?q=ik+voel+me+alleen&postcode=3531",
        "search-filters": f"{prefix}/zoeken/?q=ik+voel+me+alleen&postcode=3531&gratis=1",
        "offer": prefix + offer_url,
        "list": f"{prefix}/lijst/?ids={joined}",
        "sheet": f"{prefix}/lijst/afdrukken/?ids={joined}",
        "overview": f"{prefix}/overzicht/",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="tests/e2e/screenshots/pages")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        probe = browser.new_page()
        ids = first_offer_ids(probe, args.base)
        probe.goto(f"{args.base}/zoeken/?q=koffie")
        offer_url = probe.locator("main h2 a, main h3 a").first.get_attribute("href") or "/"
        offer_url = re.sub(r"^(https?://[^/]+)?(/ar)?", "", offer_url.split("?")[0])
        probe.close()
        for language in LANGUAGES:
            prefix = "" if language == "nl" else f"/{language}"
            for name, path in paths(prefix, ids, offer_url).items():
                for width in WIDTHS:
                    for js in (True, False):
                        context = browser.new_context(
                            viewport={"width": width, "height": 800}, java_script_enabled=js
                        )
                        page = context.new_page()
                        page.goto(args.base + path)
                        if name == "search-filters" and js:
                            for details in page.locator("details").all():
                                details.evaluate("d => d.open = true")
                        shot = out / f"{name}-{language}-{width}-{'js' if js else 'nojs'}.png"
                        page.screenshot(path=shot, full_page=True)
                        context.close()
            for name in ("offer", "sheet"):
                page = browser.new_page()
                page.goto(args.base + paths(prefix, ids, offer_url)[name])
                page.pdf(path=out / f"{name}-{language}.pdf", prefer_css_page_size=True)
                page.close()
            page = browser.new_page()
            page.goto(f"{args.base}{prefix}/lijst/kaart/{ids[0]}/")
            page.pdf(path=out / f"card-{language}.pdf", prefer_css_page_size=True)
            page.close()
        browser.close()
    print(f"{len(list(out.iterdir()))} files in {out}")


if __name__ == "__main__":
    main()
