"""9.6: the governing body receives complaints information regularly, which Putright takes as
at least once in each quarter of the period."""

import datetime as dt

import pytest

from putright.governance import services
from putright.rules.governance import insight_measure, quarters

pytestmark = pytest.mark.django_db

D = dt.date


def test_a_year_from_april_is_four_quarters():
    assert quarters(D(2025, 4, 1), D(2026, 3, 31)) == [
        (D(2025, 4, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 9, 30)),
        (D(2025, 10, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 3, 31)),
    ]


def test_each_ended_quarter_needs_a_report_and_a_running_one_waits(olivia):
    def report(on):
        meeting = services.meeting_record(user=olivia, held_on=on, body="Board")
        services.report_presented_record(
            user=olivia, meeting=meeting, kind="pack", title="Quarterly pack"
        )

    report(D(2025, 6, 30))  # the last day of the first quarter counts for it
    services.meeting_record(user=olivia, held_on=D(2025, 9, 1), body="Board")  # no report
    figure = insight_measure(
        period_start=D(2025, 4, 1), period_end=D(2026, 3, 31), today=D(2025, 11, 24)
    )
    assert (figure.met, figure.total, figure.pending) == (1, 2, 1)
    assert figure.breaches == ["quarter 2025-07-01 to 2025-09-30"]
    report(D(2025, 11, 20))  # the running quarter is met as soon as it has its report
    figure = insight_measure(
        period_start=D(2025, 4, 1), period_end=D(2026, 3, 31), today=D(2025, 11, 24)
    )
    assert (figure.met, figure.total, figure.pending) == (2, 3, 0)
    assert figure.proposed == "partly"
