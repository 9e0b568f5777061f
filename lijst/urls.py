from django.urls import path, re_path

from . import views

app_name = "lijst"

urlpatterns = [
    path("", views.shortlist, name="shortlist"),
    path("afdrukken/", views.sheet, name="sheet"),
    re_path(r"^kaart/(?P<page_id>[1-9][0-9]{0,8})/\Z", views.card, name="card"),
]
