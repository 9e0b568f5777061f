"""Sends admin visitors who still need the second step to it (after django-otp's
OTPMiddleware, which tells whether this session's login was verified with a code)."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .rules import has_two_factor, is_required


def _exempt_paths() -> tuple[str, ...]:
    return (
        reverse("security_2fa_verify"),
        reverse("security_2fa_setup"),
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_home") + "jsi18n/",
        # The icons every admin page (the code page too) fetches; never a page to return to.
        reverse("wagtailadmin_sprite"),
    )


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._redirect(request)
        return response or self.get_response(request)

    def _redirect(self, request):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if request.path.startswith(_exempt_paths()):
            return None
        query = urlencode({"next": request.get_full_path()})
        if has_two_factor(user):
            return redirect(f"{reverse('security_2fa_verify')}?{query}")
        if is_required(user):
            return redirect(f"{reverse('security_2fa_setup')}?{query}")
        return None
