"""What the editor sees of a page check: findings grouped per field, each with its sentence
and the problem marked, in plain Dutch."""

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


def field_findings(check) -> list[dict]:
    """Per field with findings: its label and the findings, the sentence cut in three parts
    (before, the marked words, after) so a template can highlight without raw HTML."""
    fields = []
    for result in check.fields:
        text = result.field.text
        findings = []
        for issue in result.issues:
            findings.append(
                {
                    "kind": issue.kind,
                    "label": KIND_LABELS[issue.kind],
                    "severity": issue.severity,
                    "severity_label": SEVERITY_LABELS[issue.severity],
                    "before": text[issue.sentence_start : issue.start],
                    "marked": text[issue.start : issue.end],
                    "after": text[issue.end : issue.sentence_end],
                    "suggestion": issue.suggestion,
                }
            )
        if findings:
            fields.append(
                {"name": result.field.name, "label": result.field.label, "findings": findings}
            )
    return fields


def accessibility_findings(check) -> list[dict]:
    return [
        {
            "rule": issue.rule,
            "label": RULE_LABELS[issue.rule],
            "severity": issue.severity,
            "severity_label": SEVERITY_LABELS[issue.severity],
            "element": issue.element,
            "message": issue.message,
        }
        for issue in check.accessibility
    ]


def panel_context(check) -> dict:
    return {
        "check": check,
        "verdict": check.verdict,
        "is_b1": check.language.is_b1,
        "reasons": check.language.reasons,
        "scores": check.language.scores,
        "fields": field_findings(check),
        "accessibility": accessibility_findings(check),
        "error_count": len(check.accessibility_errors),
    }
