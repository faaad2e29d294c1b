from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "putright.letters"
    label = "letters"
