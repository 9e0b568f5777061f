"""When a page passes the checks: its Dutch text is not above B1 and it has no accessibility
errors. One rule for the workflow step, the stored result and the warning after saving."""

from checks.b1 import ABOVE_B1


def passes(language_verdict: str, accessibility_errors: int) -> bool:
    return language_verdict != ABOVE_B1 and accessibility_errors == 0
