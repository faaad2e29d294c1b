from django.urls import path

from putright.insight import flags, views

app_name = "insight"

urlpatterns = [
    path("themes/", views.themes_page, name="themes"),
    path("flags/", flags.flag_queue, name="flags"),
    path("flags/<num:pk>/", flags.flag_detail, name="flag"),
]
