"""Public URLs of the buurten app (under /aanbod/, before Wagtail's pages)."""

from django.urls import re_path

from aanbod.urls import PAGE_ID

from .feeds import area_feed

app_name = "buurten"

urlpatterns = [re_path(rf"^gebied/{PAGE_ID}/agenda\.ics\Z", area_feed, name="agenda")]
