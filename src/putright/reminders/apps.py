from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "putright.reminders"
    label = "reminders"
