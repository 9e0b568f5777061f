"""Public URLs of the aanbod app (under /aanbod/, before Wagtail's pages)."""

from django.urls import re_path

from .agenda import offer_feed

app_name = "aanbod"

# At most 18 digits: a longer number is no page id (and would not fit the database's integer).
PAGE_ID = r"(?P<page_id>[0-9]{1,18})"

urlpatterns = [re_path(rf"^{PAGE_ID}/agenda\.ics\Z", offer_feed, name="agenda")]
