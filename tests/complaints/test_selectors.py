"""Where each open stage stands against its deadline, and the lists built on it."""

import pytest

from putright.complaints.selectors import (
    complaint_get,
    complaint_list,
    complaints_due_within,
    stage_deadline,
)
from putright.landlord.selectors import working_day_calendar
from tests.complaints.factories import D, fresh, investigating, logged, responded, stage


@pytest.mark.parametrize(
    ("today", "left", "overdue"),
    [
        (D(2025, 11, 3), 5, False),
        (D(2025, 11, 7), 1, False),
        (D(2025, 11, 8), 1, False),  # the Saturday before a Monday due date: Monday is left
        (D(2025, 11, 10), 0, False),  # the due day
        (D(2025, 11, 11), -1, True),
        (D(2025, 11, 17), -5, True),
    ],
)
def test_working_days_left_to_acknowledge(olivia, today, left, overdue):
    complaint = logged(user=olivia, received_on=D(2025, 11, 3))
    deadline = stage_deadline(stage(complaint), complaint.status, today=today)
    assert deadline.step == "acknowledge"
    assert deadline.due == D(2025, 11, 10)
    assert (deadline.working_days_left, deadline.overdue) == (left, overdue)


def test_the_weekend_after_a_friday_deadline_is_overdue(olivia):
    complaint = logged(user=olivia, received_on=D(2025, 11, 7))  # due Friday 14 November
    deadline = stage_deadline(stage(complaint), complaint.status, today=D(2025, 11, 15))
    assert deadline.overdue
    assert deadline.working_days_left < 0


def test_nothing_is_due_once_answered(olivia, hannah):
    complaint = responded(user=olivia, handler=hannah)
    deadline = stage_deadline(stage(complaint), complaint.status)
    assert (deadline.step, deadline.due, deadline.overdue) == ("", None, False)


def test_overdue_and_due_soon_lists(olivia, hannah):
    late = logged(user=olivia, received_on=D(2025, 11, 3))  # acknowledge by 10 November
    due_soon = logged(user=olivia, received_on=D(2025, 11, 20))  # by 27 November
    on_time = investigating(user=olivia, handler=hannah, received_on=D(2025, 11, 20))
    answered = responded(user=olivia, handler=hannah, received_on=D(2025, 10, 1))
    assert list(complaint_list(overdue=True)) == [late]
    assert set(complaint_list(overdue=False)) == {due_soon, on_time, answered}
    assert list(complaints_due_within(working_days=3)) == [due_soon]
    assert list(complaint_list(handler="hannah", status="investigating")) == [on_time]


def test_a_page_of_complaints_costs_the_same_queries_however_long(
    olivia, hannah, django_assert_num_queries
):
    for day in range(3, 8):
        investigating(user=olivia, handler=hannah, received_on=D(2025, 11, day))
    calendar = working_day_calendar()

    def read_page():
        return [
            stage_deadline(c.current_stage, c.status, calendar=calendar).due
            for c in complaint_list()
        ]

    with django_assert_num_queries(4):  # complaints, stages, extensions, co-complainants
        assert len(read_page()) == 5
    for day in range(10, 15):
        investigating(user=olivia, handler=hannah, received_on=D(2025, 11, day))
    with django_assert_num_queries(4):
        assert len(read_page()) == 10


def test_one_complaint_with_everything_it_holds(olivia, hannah):
    complaint = responded(user=olivia, handler=hannah)
    read = complaint_get(reference=complaint.reference)
    assert read == fresh(complaint)
    assert [e.type for e in read.events.all()] == [
        "complaint_logged",
        "stage_acknowledged",
        "stage_responded",
    ]
