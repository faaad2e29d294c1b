from django.apps import AppConfig


class SystemConfig(AppConfig):
    name = "putright.system"
    label = "system"

    def ready(self):
        # <num:...> in every app's URLs (putright.converters), registered before any is read.
        from putright import converters  # noqa: F401
        from putright.system import checks  # noqa: F401  (registers the deploy checks)
