import pytest

from putright.landlord.selectors import landlord_settings


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The personas' passwords are hashed with Django's full PBKDF2 work factor otherwise; these
    # tests are about complaints, not password strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def internal_targets(db):
    """The landlord aims to acknowledge by the next working day and respond within 5 at stage 1
    (shorter than the Code's 5 and 10)."""
    settings = landlord_settings()
    settings.internal_stage1_acknowledge_days = 1
    settings.internal_stage1_respond_days = 5
    settings.internal_stage2_acknowledge_days = 2
    settings.internal_stage2_respond_days = 15
    settings.full_clean()
    settings.save()
    return settings
