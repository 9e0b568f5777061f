"""Who must use two-step login, and whether a user has it."""

from django.conf import settings
from django_otp import user_has_device

from redactie.roles import ADMINISTRATORS


def is_required(user) -> bool:
    if not getattr(settings, "BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS", True):
        return False
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()


def has_two_factor(user) -> bool:
    return user_has_device(user, confirmed=True)
