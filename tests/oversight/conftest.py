import pytest

from tests.oversight.factories import small_landlord


@pytest.fixture
def landlord_cases(olivia, hannah, harry):
    return small_landlord(officer=olivia, stage1_handler=hannah, stage2_handler=harry)


@pytest.fixture
def approved_selfassessment(olivia, martin, grace):
    """A self-assessment ending in reporting year 2025 (October 2024 to September 2025), answered
    and approved by the governing body on 20 October 2025."""
    import datetime as dt

    from putright.selfassessment import services
    from tests.selfassessment.factories import answer_all, start

    assessment = answer_all(
        start(olivia, period_start=dt.date(2024, 10, 1), period_end=dt.date(2025, 9, 30)), olivia
    )
    services.selfassessment_complete(
        user=olivia, self_assessment=assessment, completed_on=dt.date(2025, 10, 1)
    )
    services.selfassessment_review(
        user=martin, self_assessment=assessment, reviewed_on=dt.date(2025, 10, 10)
    )
    return services.selfassessment_approve(
        user=grace, self_assessment=assessment, approved_on=dt.date(2025, 10, 20)
    )
