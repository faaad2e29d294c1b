from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "putright.accounts"
    label = "accounts"

    def ready(self):
        from putright.accounts import signals  # noqa: F401
