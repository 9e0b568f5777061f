"""What visitors report with "Klopt er iets niet?" on an offer page.

Only what the visitor typed is stored, plus the time and the offer: no IP address, no
browser details, no cookie. Editors read the reports in the admin (Meldingen) and mark them
"afgehandeld" when they have dealt with them. A reporter's e-mail address is wiped
``EMAIL_KEPT_DAYS`` after that (``forget_reporter_emails``, daily; the privacy statement says so).
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000
EMAIL_KEPT_DAYS = 30


class MeldingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(afgehandeld=False)

    def forget_emails(self) -> int:
        """Wipe the reporter's e-mail address of reports handled EMAIL_KEPT_DAYS ago or longer."""
        handled_before = timezone.now() - datetime.timedelta(days=EMAIL_KEPT_DAYS)
        return (
            self.filter(afgehandeld=True, afgehandeld_op__lte=handled_before)
            .exclude(email="")
            .update(email="")
        )


class Melding(models.Model):
    page = models.ForeignKey(
        "aanbod.AanbodPage",
        verbose_name=_("aanbod"),
        on_delete=models.CASCADE,
        related_name="meldingen",
    )
    message = models.TextField(_("wat klopt er niet?"), max_length=MESSAGE_MAX_LENGTH)
    email = models.EmailField(
        _("e-mailadres van de melder"),
        blank=True,
        help_text=_("Alleen ingevuld als de melder antwoord wil."),
    )
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True, db_index=True)
    afgehandeld = models.BooleanField(
        _("afgehandeld"),
        default=False,
        help_text=_(
            "Zet een vinkje als u de melding hebt bekeken en zo nodig het aanbod hebt aangepast."
        ),
    )

    afgehandeld_op = models.DateTimeField(
        _("afgehandeld op"), null=True, blank=True, editable=False
    )
    # Set when the offer's editors got this report by e-mail (``send_report_notices``).
    doorgestuurd_op = models.DateTimeField(
        _("doorgestuurd aan de redactie op"), null=True, blank=True, editable=False
    )

    objects = MeldingQuerySet.as_manager()

    class Meta:
        db_table = "aanbod_melding"  # made in the aanbod app; the table kept its name
        ordering = ["afgehandeld", "-created_at", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [models.Index(fields=["page", "afgehandeld"])]

    def __str__(self):
        # Used as the title in the admin: the start of what the visitor wrote, as plain text.
        text = " ".join(self.message.split())
        return text if len(text) <= 60 else f"{text[:59]}…"

    def save(self, *args, **kwargs):
        if not self.afgehandeld:
            self.afgehandeld_op = None
        elif self.afgehandeld_op is None:
            self.afgehandeld_op = timezone.now()
        super().save(*args, **kwargs)


class Herinnering(models.Model):
    """When the reminder run last sent an e-mail about an offer. The run skips an offer that
    was already in the same stage (due, or stale) on that day: each stage is told once.

    Not a field of the offer: page fields come back from a revision when it is published."""

    page = models.OneToOneField(
        "aanbod.AanbodPage",
        verbose_name=_("aanbod"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="herinnering",
    )
    verstuurd_op = models.DateField(_("laatste herinnering verstuurd op"))

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")

    def __str__(self):
        return f"{self.page_id}: {self.verstuurd_op}"
