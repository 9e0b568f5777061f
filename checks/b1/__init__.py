"""Dutch B1 (plain language) check on plain text."""

from .checker import ABOVE_B1, B1, Issue, Result, check_text
from .text import html_to_text

__all__ = ["ABOVE_B1", "B1", "Issue", "Result", "check_text", "html_to_text"]
