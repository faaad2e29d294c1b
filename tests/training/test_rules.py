"""3.2, 4.3, 9.8: the training register's measures, taken on the period's last day (today, for a
period not yet over). Today is Monday 24 November 2025."""

import datetime as dt

import pytest

from putright.errors import InvalidInput, NotPermitted
from putright.rules import training as rule
from putright.selfassessment.live_evidence import live_evidence
from putright.training import services
from tests.contractors.factories import contractor
from tests.training.factories import awareness_course, handling_course, trained

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


def one(ref, **period):
    [figure] = [f for f in live_evidence(**(PERIOD | period)) if f.ref == ref]
    return figure


def test_expiry_is_worked_out_from_the_course_validity(olivia, hannah):
    course = handling_course(olivia, months=12)
    record = trained(olivia, hannah, course, D(2025, 1, 31))
    assert record.expires_on == D(2026, 1, 30)
    assert rule.expires_on(D(2024, 2, 29), 12) == D(2025, 2, 27)
    assert rule.expires_on(D(2025, 1, 1), None) is None


def staff(*users) -> list[str]:
    """How the figures name staff: by record number, never by name (they are published)."""
    return [f"staff member {user.pk}" for user in sorted(users, key=lambda user: user.pk)]


def test_4_3_passes_when_every_handler_is_trained(olivia, hannah, martin):
    course = handling_course(olivia)
    for person in (olivia, hannah, martin):
        trained(olivia, person, course, D(2025, 6, 1))
    figure = one("4.3")
    assert (figure.met, figure.total, figure.breaches) == (3, 3, [])
    assert figure.proposed is None


def test_4_3_names_the_untrained_and_the_expired(olivia, hannah, harry, martin):
    course = handling_course(olivia)
    trained(olivia, olivia, course, D(2025, 6, 1))
    trained(olivia, martin, course, D(2025, 6, 1))
    trained(olivia, hannah, course, D(2024, 10, 1))  # expired 30 September 2025
    figure = one("4.3")
    assert (figure.met, figure.total) == (2, 4)
    assert figure.breaches == staff(hannah, harry)
    assert figure.proposed == "partly"
    assert f"Not met: {', '.join(staff(hannah, harry))}." in figure.summary


def test_4_3_is_measured_on_the_last_day_of_a_past_period(olivia, hannah):
    from putright.accounts.models import User

    course = handling_course(olivia)
    trained(olivia, olivia, course, D(2024, 5, 1))  # in date to 30 April 2025
    trained(olivia, hannah, course, D(2025, 5, 1))
    past = {"period_start": D(2024, 4, 1), "period_end": D(2025, 3, 31)}
    # Staff who had not joined by the period's end are not counted in it.
    assert "4.3" not in {f.ref for f in live_evidence(**(PERIOD | past))}
    User.objects.update(date_joined=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert one("4.3", **past).breaches == staff(hannah)
    assert one("4.3").breaches == staff(olivia)  # the year to date: measured today


def test_awareness_training_counts_for_3_2_but_not_4_3(olivia, hannah, adam, grace):
    aware = awareness_course(olivia)
    for person in (olivia, hannah, adam):
        trained(olivia, person, aware, D(2025, 9, 1))
    assert (one("3.2").met, one("3.2").total) == (3, 3)  # governance is not counted
    figure = one("4.3")
    assert (figure.met, figure.total, figure.breaches) == (0, 2, staff(hannah, olivia))
    assert figure.proposed == "no"


def test_a_contractors_person_is_on_the_register_but_not_in_the_staff_figure(olivia, hannah):
    course = handling_course(olivia)
    firm = contractor(olivia)
    record = services.training_record(
        user=olivia,
        course=course,
        contractor=firm,
        person_name="Dave Brook",
        completed_on=D(2025, 9, 1),
    )
    assert record.who == "Dave Brook (Riverside Repairs Ltd)"
    assert one("4.3").breaches == staff(hannah, olivia)


def test_a_record_needs_one_person_and_a_past_date(olivia, hannah):
    course = handling_course(olivia)
    firm = contractor(olivia)
    with pytest.raises(InvalidInput) as none:
        services.training_record(user=olivia, course=course, completed_on=D(2025, 9, 1))
    assert "staff" in none.value.errors
    with pytest.raises(InvalidInput) as both:
        services.training_record(
            user=olivia, course=course, staff=hannah, contractor=firm, completed_on=D(2025, 9, 1)
        )
    assert "contractor" in both.value.errors
    with pytest.raises(InvalidInput) as nameless:
        services.training_record(
            user=olivia, course=course, contractor=firm, completed_on=D(2025, 9, 1)
        )
    assert "person_name" in nameless.value.errors
    with pytest.raises(InvalidInput) as future:
        services.training_record(
            user=olivia, course=course, staff=hannah, completed_on=D(2025, 12, 1)
        )
    assert "completed_on" in future.value.errors


def test_only_the_officer_managers_and_admins_keep_the_register(hannah, grace, olivia):
    for user in (hannah, grace):
        with pytest.raises(NotPermitted):
            services.course_add(user=user, name="Complaint handling", complaint_handling=True)
    course = handling_course(olivia)
    with pytest.raises(NotPermitted):
        trained(hannah, hannah, course, D(2025, 9, 1))


def test_course_validity_and_name_are_checked(olivia):
    handling_course(olivia)
    with pytest.raises(InvalidInput) as duplicate:
        services.course_add(user=olivia, name="complaint handling")
    assert "name" in duplicate.value.errors
    with pytest.raises(InvalidInput) as months:
        services.course_add(user=olivia, name="Other", validity_months=0)
    assert "validity_months" in months.value.errors
