from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from security import concurrent_edits
from security.two_factor import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("tweestaps/", views.overview, name="security_2fa"),
        path("tweestaps/instellen/", views.setup, name="security_2fa_setup"),
        path("tweestaps/controleren/", views.verify, name="security_2fa_verify"),
        path("tweestaps/uitzetten/", views.switch_off, name="security_2fa_off"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("security_2fa"),
        "label": _("Inloggen in twee stappen"),
        "help_text": _("Log in met uw wachtwoord en een code uit een app op uw telefoon."),
    }


hooks.register("before_edit_page", concurrent_edits.warn_when_saving_over_a_newer_version)
hooks.register("after_edit_page", concurrent_edits.tell_who_saved_first)
