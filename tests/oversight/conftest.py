import pytest

from tests.oversight.factories import small_landlord


@pytest.fixture
def landlord_cases(olivia, hannah, harry):
    return small_landlord(officer=olivia, stage1_handler=hannah, stage2_handler=harry)
