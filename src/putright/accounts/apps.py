from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "putright.accounts"
    label = "accounts"
