from django.urls import path

from putright.insight import views

app_name = "insight"

urlpatterns = [
    path("themes/", views.themes_page, name="themes"),
]
