from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "putright.oversight"
    label = "oversight"
