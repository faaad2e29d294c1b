from django.apps import AppConfig


class ContractorsConfig(AppConfig):
    name = "putright.contractors"
    label = "contractors"
