"""What the editor sees of a page check, in plain Dutch: per field, the findings grouped by
rule (the worst rule first, with how many) and, within a rule, by sentence: each sentence once,
with every word the rule is about marked and, where there is one, the plainer word next to it."""

from django.utils.translation import gettext_lazy as _

from checks.b1 import ABOVE_B1, B1

KIND_LABELS = {
    "sentence-too-long": _("Zin te lang"),
    "sentence-long": _("Lange zin"),
    "officialese": _("Ambtelijk woord"),
    "long-word": _("Lang woord"),
    "rare-word": _("Weinig bekend woord"),
    "noun-stack": _("Lange samenstelling"),
    "passive": _("Lijdende vorm"),
    "passive-zijn": _("Misschien lijdende vorm"),
    "nominalisation": _("Naamwoordstijl"),
}
SEVERITY_LABELS = {
    "error": _("Moet beter"),
    "warning": _("Kan beter"),
    "hint": _("Tip"),
}
# The stored verdict (PaginaControle.taalniveau) is a code in Dutch; this is what a person reads.
VERDICT_LABELS = {B1: "B1", ABOVE_B1: _("boven B1")}


def verdict_label(verdict: str) -> str:
    """The language level in the reader's language; a dash when the page was not checked."""
    return VERDICT_LABELS.get(verdict, verdict) or "–"


RULE_LABELS = {
    "img-alt": _("Afbeelding zonder goede alt-tekst"),
    "heading-order": _("Kop slaat een niveau over"),
    "heading-empty": _("Lege kop"),
    "h1-in-body": _("Tweede hoofdkop"),
    "link-empty": _("Link zonder tekst"),
    "link-vague": _("Vage linktekst"),
    "link-new-window": _("Link opent nieuw venster"),
    "link-file": _("Link naar bestand"),
    "table-header": _("Tabel zonder kopjes"),
    "all-caps": _("Hoofdletters"),
}


SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}


def _sentence_parts(text: str, issues) -> list[dict]:
    """One sentence cut into parts: plain text, and marked words (with the plainer word when
    there is one), so a template can highlight without raw HTML. Overlapping marks are
    joined into the first."""
    start, end = issues[0].sentence_start, issues[0].sentence_end
    parts, position = [], start
    for issue in sorted(issues, key=lambda i: (i.start, -i.end)):
        if issue.start < position:
            continue
        if issue.start > position:
            parts.append({"text": text[position : issue.start]})
        parts.append(
            {
                "text": text[issue.start : issue.end],
                "marked": True,
                "alternative": issue.alternative,
            }
        )
        position = issue.end
    if position < end:
        parts.append({"text": text[position:end]})
    return parts


def _rule_groups(text: str, issues) -> list[dict]:
    by_kind: dict[str, list] = {}
    for issue in issues:
        by_kind.setdefault(issue.kind, []).append(issue)
    groups = []
    for kind, found in by_kind.items():
        by_sentence: dict[tuple[int, int], list] = {}
        for issue in found:
            by_sentence.setdefault((issue.sentence_start, issue.sentence_end), []).append(issue)
        sentences = []
        for key in sorted(by_sentence):
            in_sentence = by_sentence[key]
            advice = list(dict.fromkeys(issue.suggestion for issue in in_sentence))
            sentences.append({"parts": _sentence_parts(text, in_sentence), "advice": advice})
        groups.append(
            {
                "kind": kind,
                "label": KIND_LABELS[kind],
                "severity": found[0].severity,
                "severity_label": SEVERITY_LABELS[found[0].severity],
                "count": len(found),
                "sentences": sentences,
            }
        )
    groups.sort(key=lambda g: (SEVERITY_ORDER[g["severity"]], -g["count"], g["label"]))
    return groups


def field_findings(check) -> list[dict]:
    """Per field with findings: its label, how many findings, and the findings grouped by rule
    and by sentence (``_rule_groups``)."""
    fields = []
    for result in check.fields:
        if result.issues:
            fields.append(
                {
                    "name": result.field.name,
                    "label": result.field.label,
                    "count": len(result.issues),
                    "groups": _rule_groups(result.field.text, result.issues),
                }
            )
    return fields


def rule_summary(fields) -> list[dict]:
    """Over all fields: each rule once, with how many findings, the worst first."""
    totals: dict[str, dict] = {}
    for field in fields:
        for group in field["groups"]:
            total = totals.setdefault(group["kind"], {**group, "count": 0})
            total["count"] += group["count"]
    return sorted(
        totals.values(), key=lambda g: (SEVERITY_ORDER[g["severity"]], -g["count"], g["label"])
    )


def accessibility_findings(check) -> list[dict]:
    """Grouped by rule, the worst first: the label, how many, and each element with its
    message."""
    groups: dict[str, dict] = {}
    for issue in check.accessibility:
        group = groups.setdefault(
            issue.rule,
            {
                "rule": issue.rule,
                "label": RULE_LABELS[issue.rule],
                "severity": issue.severity,
                "severity_label": SEVERITY_LABELS[issue.severity],
                "items": [],
            },
        )
        if SEVERITY_ORDER[issue.severity] < SEVERITY_ORDER[group["severity"]]:
            group["severity"] = issue.severity
            group["severity_label"] = SEVERITY_LABELS[issue.severity]
        group["items"].append({"element": issue.element, "message": issue.message})
    for group in groups.values():
        group["count"] = len(group["items"])
    return sorted(
        groups.values(), key=lambda g: (SEVERITY_ORDER[g["severity"]], -g["count"], g["label"])
    )


def panel_context(check) -> dict:
    """``empty`` when the page has no text yet: then there is nothing to judge, and the panel
    gives no verdict (a new, empty offer is neither 'B1' nor has an 'empty heading')."""
    fields = field_findings(check)
    empty = not check.language.scores.get("words")
    return {
        "check": check,
        "empty": empty,
        "verdict": "" if empty else check.verdict,
        "is_b1": check.language.is_b1,
        "reasons": check.language.reasons,
        "scores": check.language.scores,
        "fields": fields,
        "summary": rule_summary(fields),
        "accessibility": [] if empty else accessibility_findings(check),
        "error_count": 0 if empty else len(check.accessibility_errors),
    }
