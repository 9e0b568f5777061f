from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HsdsConfig(AppConfig):
    """The exchange with partner systems in Open Referral's HSDS 3.0: parse, load, dump, the
    read-only API and the import and export commands."""

    name = "hsds"
    verbose_name = _("Open Referral (HSDS)")
