"""Public URLs of the editorial work (under /aanbod/): a resident's report on an offer, and
the confirm links in the reminder e-mails."""

from django.urls import path, re_path

from aanbod.urls import PAGE_ID

from .reports.views import melding_view
from .verification.views import confirm_link_view, confirmed_view

app_name = "redactie"

urlpatterns = [
    re_path(rf"^{PAGE_ID}/melding/\Z", melding_view, name="melding"),
    re_path(rf"^controle/klaar/{PAGE_ID}/\Z", confirmed_view, name="klopt-nog-klaar"),
    path("controle/<str:token>/", confirm_link_view, name="klopt-nog-link"),
]
