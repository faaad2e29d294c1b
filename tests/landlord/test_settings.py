"""The landlord's internal targets may be shorter than the Code's, never longer."""

import pytest
from django.core.exceptions import ValidationError

from putright.landlord.selectors import internal_targets, landlord_settings


@pytest.mark.parametrize(
    ("field", "limit", "provision"),
    [
        ("internal_stage1_acknowledge_days", 5, "6.2"),
        ("internal_stage1_respond_days", 10, "6.3"),
        ("internal_stage2_acknowledge_days", 5, "6.11"),
        ("internal_stage2_respond_days", 20, "6.14"),
    ],
)
def test_internal_targets_longer_than_the_code_are_refused(db, field, limit, provision):
    settings = landlord_settings()
    setattr(settings, field, limit)
    settings.full_clean()  # as long as the Code is allowed
    setattr(settings, field, limit + 1)
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert provision in error.value.message_dict[field][0]


def test_internal_targets_are_read_per_stage(db):
    settings = landlord_settings()
    settings.internal_stage1_acknowledge_days = 1
    settings.internal_stage2_respond_days = 15
    settings.save()
    assert (internal_targets(1).acknowledge_days, internal_targets(1).respond_days) == (1, None)
    assert (internal_targets(2).acknowledge_days, internal_targets(2).respond_days) == (None, 15)


def test_there_is_one_settings_row(db):
    assert landlord_settings().pk == landlord_settings().pk == 1
