"""Set up, use and switch off two-step login. The views live under /admin/ (Wagtail's
``register_admin_urls`` hook), so only people with admin access reach them."""

import base64

import segno
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm
from .rules import has_two_factor, is_required

DEVICE_NAME = "Authenticator-app"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@require_http_methods(["GET"])
def overview(request):
    return TemplateResponse(
        request,
        "security/two_factor/overview.html",
        {
            "has_two_factor": has_two_factor(request.user),
            "is_required": is_required(request.user),
            "header_title": _("Inloggen in twee stappen"),
        },
    )


def _unconfirmed_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@require_http_methods(["GET", "POST"])
def setup(request):
    if has_two_factor(request.user) and not request.user.is_verified():
        return redirect(reverse("security_2fa_verify"))
    if has_two_factor(request.user):
        return redirect(reverse("security_2fa"))
    device = _unconfirmed_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Inloggen in twee stappen staat aan."))
            return HttpResponseRedirect(_next_url(request))
        form.add_error(
            "code", _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat.")
        )
    qr = segno.make(device.config_url, error="m")
    return TemplateResponse(
        request,
        "security/two_factor/setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, title=_("QR-code voor uw app")),
            "secret": base64.b32encode(device.bin_key).decode(),
            "is_required": is_required(request.user),
            "next": _next_url(request),
            "header_title": _("Inloggen in twee stappen instellen"),
        },
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified() or not has_two_factor(request.user):
        return HttpResponseRedirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("code", _("Deze code klopt niet. Probeer de nieuwe code uit uw app."))
    return TemplateResponse(
        request,
        "security/two_factor/verify.html",
        {"form": form, "next": _next_url(request)},
        status=200 if request.method == "GET" else 400,
    )


@require_http_methods(["POST"])
def switch_off(request):
    if is_required(request.user):
        messages.error(request, _("Voor beheerders moet inloggen in twee stappen aan blijven."))
    else:
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Inloggen in twee stappen staat uit."))
    return redirect(reverse("security_2fa"))
