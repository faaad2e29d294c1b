from django.apps import AppConfig


class SelfassessmentConfig(AppConfig):
    name = "putright.selfassessment"
    label = "selfassessment"
