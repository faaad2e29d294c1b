from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "putright.search"
    label = "search"
