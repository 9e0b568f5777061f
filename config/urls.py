from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from security.login_limit import RateLimitedLoginView

urlpatterns = [
    # Before Wagtail's admin URLs: the admin login with a rate limit (security/login_limit.py).
    path("admin/login/", RateLimitedLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("aanbod/", include("aanbod.urls")),
    path("zoeken/", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
