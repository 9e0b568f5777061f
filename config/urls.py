"""URLs. What residents read is under a language prefix (Dutch without one: /, /en/, /ar/, ...);
the admin, the API and documents are the same in every language and stay unprefixed."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from config.health import health
from security.login_limit import RateLimitedLoginView
from security.throttles import ThrottledPasswordResetView, authenticate_with_password

# The database down: 503 "even niet beschikbaar" instead of a 500 (config/errors.py).
handler500 = "config.errors.error_500"

urlpatterns = [
    # Before Wagtail's admin URLs: the admin login with a rate limit (security/login_limit.py).
    path("admin/login/", RateLimitedLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    # For the load balancer and monitoring (config/health.py); the same in every language.
    path("gezond/", health, name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages in the visitor's language. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("aanbod/", include("aanbod.urls")),
    path("aanbod/", include("buurten.urls")),
    path("aanbod/", include("redactie.urls")),
    path("zoeken/", include("search.urls")),
    path("lijst/", include("lijst.urls")),
    path("overzicht/", include("overzicht.urls")),
    # A page's password with a throttle (security/throttles.py), before Wagtail's own URL.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
