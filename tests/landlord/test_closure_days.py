"""Closure days: only an administrator changes them, and the working-day calendar follows."""

import datetime as dt

import pytest

from putright.errors import InvalidInput, NotPermitted
from putright.landlord.models import ClosureDay
from putright.landlord.selectors import working_day_calendar
from putright.landlord.services import closure_day_add, closure_day_remove

D = dt.date


def test_a_closure_day_is_not_a_working_day(adam):
    assert working_day_calendar().is_working_day(D(2025, 12, 29))
    closure, moved = closure_day_add(user=adam, date=D(2025, 12, 29), reason="Christmas shutdown")
    assert moved == 0
    assert not working_day_calendar().is_working_day(D(2025, 12, 29))
    assert working_day_calendar().add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 30)
    closure_day_remove(user=adam, closure=closure)
    assert working_day_calendar().is_working_day(D(2025, 12, 29))


@pytest.mark.parametrize("persona", ["hannah", "olivia", "martin", "grace"])
def test_only_an_administrator_changes_closure_days(request, persona):
    with pytest.raises(NotPermitted):
        closure_day_add(
            user=request.getfixturevalue(persona), date=D(2025, 12, 29), reason="Shutdown"
        )
    assert not ClosureDay.objects.exists()


def test_bad_closure_days_are_named(adam):
    closure_day_add(user=adam, date=D(2025, 12, 29), reason="Shutdown")
    with pytest.raises(InvalidInput) as error:
        closure_day_add(user=adam, date=D(2025, 12, 29), reason="")
    assert set(error.value.errors) == {"date", "reason"}
    with pytest.raises(InvalidInput) as error:
        closure_day_add(user=adam, date="2025-12-30", reason="Shutdown")
    assert "date" in error.value.errors
    assert ClosureDay.objects.count() == 1


def test_the_calendar_is_built_once_per_set_of_closure_days(adam, django_assert_num_queries):
    first = working_day_calendar()
    with django_assert_num_queries(1):  # the closure days; the index itself is cached
        assert working_day_calendar() is first
