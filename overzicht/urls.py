from django.urls import path

from . import views

app_name = "overzicht"

urlpatterns = [
    path("", views.stad, name="stad"),
    path("overzicht.csv", views.stad_csv, name="stad-csv"),
    path("<slug:slug>/", views.wijk, name="wijk"),
    path("<slug:slug>/overzicht.csv", views.wijk_csv, name="wijk-csv"),
]
