from functools import lru_cache

from putright.landlord.models import ClosureDay, LandlordSettings
from putright.timescales.calendar import WorkingDayCalendar
from putright.timescales.deadlines import InternalTargets


def landlord_settings() -> LandlordSettings:
    settings, _ = LandlordSettings.objects.get_or_create(pk=1)
    return settings


@lru_cache(maxsize=8)
def _calendar_for(closure_days: frozenset) -> WorkingDayCalendar:
    return WorkingDayCalendar(closure_days)


def working_day_calendar() -> WorkingDayCalendar:
    """England's working days less the landlord's closure days. One query to read the closure
    days, so that every process sees a change at once; the index itself is cached."""
    return _calendar_for(frozenset(ClosureDay.objects.values_list("date", flat=True)))


def internal_targets(stage: int) -> InternalTargets:
    settings = landlord_settings()
    return InternalTargets(
        acknowledge_days=getattr(settings, f"internal_stage{stage}_acknowledge_days"),
        respond_days=getattr(settings, f"internal_stage{stage}_respond_days"),
    )
