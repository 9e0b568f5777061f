"""The fixed choices of an offer: its kind, how to join, its status and its cost."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ONTMOETINGSPLEK = "ontmoetingsplek", _("Ontmoetingsplek")
    ACTIVITEIT = "activiteit", _("Activiteit")
    HULP = "hulp", _("Hulp of dienst")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    INFORMATIE = "informatie-advies", _("Informatie en advies")
    RESPIJTZORG = "respijtzorg", _("Respijtzorg")


class Registration(models.TextChoices):
    INLOOP = "inloop", _("U kunt zo binnenlopen")
    AANMELDEN = "aanmelden", _("Eerst aanmelden")
    VERWIJZING = "verwijzing", _("Alleen met een verwijzing")


class Status(models.TextChoices):
    ACTIEF = "actief", _("Actief")
    TIJDELIJK_GESLOTEN = "tijdelijk-gesloten", _("Tijdelijk gesloten")
    BEEINDIGD = "beeindigd", _("Gestopt")


class Cost(models.TextChoices):
    GRATIS = "gratis", _("Gratis")
    BEDRAG = "bedrag", _("Het kost geld")
