from django.apps import AppConfig


class CodesConfig(AppConfig):
    name = "putright.codes"
    label = "codes"
