"""Public URLs of the aanbod app (under /aanbod/, before Wagtail's pages)."""

from django.urls import path, re_path

from aanbod.agenda import area_feed, offer_feed
from aanbod.feedback.views import melding_view
from aanbod.verification.views import confirm_link_view, confirmed_view

app_name = "aanbod"

# At most 18 digits: a longer number is no page id (and would not fit the database's integer).
PAGE_ID = r"(?P<page_id>[0-9]{1,18})"

urlpatterns = [
    re_path(rf"^{PAGE_ID}/melding/\Z", melding_view, name="melding"),
    re_path(rf"^controle/klaar/{PAGE_ID}/\Z", confirmed_view, name="klopt-nog-klaar"),
    re_path(rf"^{PAGE_ID}/agenda\.ics\Z", offer_feed, name="agenda"),
    re_path(rf"^gebied/{PAGE_ID}/agenda\.ics\Z", area_feed, name="agenda-gebied"),
    path("controle/<str:token>/", confirm_link_view, name="klopt-nog-link"),
]
