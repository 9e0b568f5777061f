"""Accessibility check on rendered HTML: a whole page, or a piece of rich text."""

from bs4 import BeautifulSoup

from .rules import ERROR, RULES, WARNING, Issue

__all__ = ["ERROR", "WARNING", "Issue", "check_html"]


def check_html(html: str, fragment: bool = False) -> list[Issue]:
    """Findings for `html`. For a whole page only the main content is checked (what an editor
    writes); header and footer are tested with the templates. A fragment is rich text that
    sits below the page title, so any h1 in it is a second one."""
    soup = BeautifulSoup(html or "", "html.parser")
    root = soup if fragment else (soup.find("main") or soup.find("body") or soup)
    return [issue for rule in RULES for issue in rule(root, fragment)]
