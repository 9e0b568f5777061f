from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactieConfig(AppConfig):
    """The editorial work: roles and invitations, keeping offers current, residents' reports
    and the report of pages that need work."""

    name = "redactie"
    verbose_name = _("Redactie")
