from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "putright.surveys"
    label = "surveys"
