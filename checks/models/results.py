"""The stored result of the checks for each page, and keeping it current."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from checks import verdict
from checks.page_checks import check_page
from checks.presenters import verdict_label

from .words import current_word_list


class PaginaControle(models.Model):
    """The last result of the language and accessibility checks for a page's latest draft.
    Kept up to date on every save and publish; the report and the dashboard read it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        related_name="controle",
        primary_key=True,
    )
    revision_id = models.PositiveBigIntegerField(_("versie"), null=True, blank=True)
    taalniveau = models.CharField(_("taalniveau"), max_length=10, blank=True)
    taal_bevindingen = models.PositiveIntegerField(_("tips over taal"), default=0)
    toegankelijkheid_fouten = models.PositiveIntegerField(_("toegankelijkheidsfouten"), default=0)
    toegankelijkheid_waarschuwingen = models.PositiveIntegerField(
        _("waarschuwingen toegankelijkheid"), default=0
    )
    bevindingen = models.JSONField(_("bevindingen"), default=dict, blank=True)
    gecontroleerd_op = models.DateTimeField(_("gecontroleerd op"), auto_now=True)

    class Meta:
        verbose_name = _("paginacontrole")
        verbose_name_plural = _("paginacontroles")

    def __str__(self):
        return str(self.page)

    @property
    def is_ok(self) -> bool:
        return verdict.passes(self.taalniveau, self.toegankelijkheid_fouten)


def save_result(page: Page, reuse: bool = False):
    """Check the page's latest draft and keep the result for the report and the dashboard.
    With `reuse`, a result for the same revision is returned as it is."""
    page = page.specific
    if reuse:
        known = PaginaControle.objects.filter(page=page, revision_id=page.latest_revision_id)
        if page.latest_revision_id and (controle := known.first()):
            return controle
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    result = check_page(draft, current_word_list())
    controle, _created = PaginaControle.objects.update_or_create(
        page=page,
        defaults={
            "revision_id": page.latest_revision_id,
            "taalniveau": result.verdict if result.fields else "",
            "taal_bevindingen": result.language_issue_count,
            "toegankelijkheid_fouten": len(result.accessibility_errors),
            "toegankelijkheid_waarschuwingen": len(result.accessibility_warnings),
            "bevindingen": result.as_dict(),
        },
    )
    return controle


def findings_text(controle) -> str:
    """The stored findings as plain text, for a workflow comment."""
    data = controle.bevindingen or {}
    lines = [
        gettext("Bevindingen van de controle (taalniveau: %(verdict)s):")
        % {"verdict": verdict_label(controle.taalniveau)}
    ]
    lines += [f"- {reason}" for reason in data.get("reasons", [])]
    for field_data in data.get("fields", []):
        for issue in field_data["issues"]:
            if issue["severity"] != "hint":
                lines.append(f"- {field_data['label']}: “{issue['text']}” — {issue['suggestion']}")
    for issue in data.get("accessibility", []):
        lines.append(f"- {issue['element']} — {issue['message']}")
    return "\n".join(lines)
