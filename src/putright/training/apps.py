from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "putright.training"
    label = "training"
