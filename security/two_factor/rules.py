"""Who must use two-step login, and whether a user has it."""

from django.conf import settings
from django_otp import user_has_device


def is_required(user) -> bool:
    """Everyone who can manage accounts (superusers, the Beheerders): whoever takes over such
    an account can give themselves every right."""
    if not getattr(settings, "BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS", True):
        return False
    return user.has_perm("auth.change_user")


def has_two_factor(user) -> bool:
    return user_has_device(user, confirmed=True)
