"""The API documentation (/api/v1/docs) works for a partner's developer: Swagger UI comes from
this site's own static files, which the Content-Security-Policy allows ('self'); a CDN would be
blocked by it and by networks without internet access."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_api_docs_load_swagger_from_this_site(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert assets, html
    for url in assets:
        assert url.startswith(settings.STATIC_URL), f"{url} is not served by this site"
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} is not a static file"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
