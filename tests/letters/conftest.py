import pytest


@pytest.fixture(autouse=True)
def _letters_settings(settings, tmp_path):
    """Files under a temporary MEDIA_ROOT; tasks run at once (django-tasks resets its backends
    when TASKS changes); e-mail into mail.outbox."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
