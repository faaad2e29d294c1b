from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "putright.complaints"
    label = "complaints"
