"""`putright demo`: a year of complaints in every stage and outcome, every one of them a case the
Code's rules allow, because each was played through the services."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from putright.accounts.models import User
from putright.complaints.models import (
    Complaint,
    Event,
    Extension,
    Note,
    OutstandingAction,
    Refusal,
    RefusalReason,
    RelatedIssue,
    Remedy,
    RemedyType,
    Stage,
)
from putright.complaints.selectors import complaint_list
from putright.complaints.workflow import Status
from putright.dates import london_date
from putright.landlord.models import ClosureDay, HomesOwned
from putright.landlord.selectors import landlord_settings, working_day_calendar
from putright.system.demo.plan import Planner
from putright.timescales.calendar import WorkingDayCalendar
from putright.timescales.deadlines import arose_over_12_months_before
from tests.conftest import TODAY
from tests.system.conftest import DEMO_SIZE


def test_loads_the_asked_number_of_complaints_and_says_how_to_sign_in(demo):
    assert Complaint.objects.count() == DEMO_SIZE
    assert "Sign in as olivia" in demo
    assert "putright-demo" in demo


def test_staff_sign_in_with_the_demo_password_in_their_roles(demo):
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {
        "olivia": "officer",
        "hannah": "handler",
        "harry": "handler",
        "hamid": "handler",
        "martin": "manager",
        "grace": "governance",
        "adam": "admin",
    }
    for user in User.objects.all():
        assert user.check_password("putright-demo")


def test_the_landlord_its_homes_and_closure_days(demo):
    assert landlord_settings().name == "Riverside Homes Demo"
    # The reporting years around today (2025-26 runs from April 2025).
    homes = dict(HomesOwned.objects.values_list("reporting_year", "homes"))
    assert homes[2025] == 12_400
    assert {2024, 2025} <= set(homes)
    closures = list(ClosureDay.objects.values_list("date", flat=True))
    assert dt.date(2024, 12, 30) in closures
    assert len(closures) >= 3


def test_every_status_at_both_stages(demo):
    present = set(Complaint.objects.values_list("status", "stage"))
    assert present == {(status.value, stage) for status in Status for stage in (1, 2)}


def test_open_complaints_include_overdue_acknowledgements_and_responses(demo):
    overdue = list(complaint_list(overdue=True, today=TODAY))
    statuses = {c.status for c in overdue}
    assert Status.AWAITING_ACKNOWLEDGEMENT in statuses
    assert Status.INVESTIGATING in statuses
    assert complaint_list(overdue=False, today=TODAY).filter(status="investigating").exists()


def test_refusals_with_every_section_2_reason_each_explained(demo):
    reasons = set(Refusal.objects.values_list("reason", flat=True))
    assert reasons == set(RefusalReason.values)
    assert Refusal.objects.filter(stage=2).exists()  # 5.11: escalation refused
    for refusal in Refusal.objects.select_related("complaint"):
        assert refusal.explanation
        assert refusal.ombudsman_rights_given  # 2.4
        complaint = refusal.complaint
        assert complaint.status == Status.REFUSED
        assert complaint.closed_on == refusal.decided_on
        if refusal.reason == RefusalReason.OVER_12_MONTHS:
            assert arose_over_12_months_before(complaint.issue_date, complaint.received_on)


def test_stage_dates_follow_each_other_and_never_pass_today(demo):
    for stage in Stage.objects.select_related("complaint"):
        complaint = stage.complaint
        assert complaint.received_on <= TODAY
        assert stage.requested_on >= complaint.received_on
        if stage.acknowledged_on:
            assert stage.requested_on <= stage.acknowledged_on <= TODAY
        if stage.responded_on:
            assert stage.acknowledged_on <= stage.responded_on <= TODAY
        if complaint.closed_on:
            assert complaint.received_on <= complaint.closed_on <= TODAY


def test_deadlines_and_timescale_flags_agree_with_the_dates(demo):
    calendar = working_day_calendar()
    for stage in Stage.objects.select_related("complaint"):
        respond_days = 10 if stage.number == 1 else 20
        assert stage.acknowledge_by == calendar.add_working_days(stage.requested_on, 5)
        if stage.acknowledged_on:
            assert stage.acknowledged_within_timescale == (
                stage.acknowledged_on <= stage.acknowledge_by
            )
            assert stage.respond_by == calendar.add_working_days(
                stage.acknowledged_on, respond_days + stage.extended_days
            )
        if stage.responded_on:
            assert stage.within_timescale == (stage.responded_on <= stage.respond_by)
        else:
            assert stage.within_timescale is None


def test_some_acknowledgements_and_responses_are_late(demo):
    assert Stage.objects.filter(acknowledged_within_timescale=False).exists()
    assert Stage.objects.filter(acknowledged_within_timescale=True).exists()
    assert Stage.objects.filter(number=1, within_timescale=False).exists()
    assert Stage.objects.filter(number=2, within_timescale=False).exists()
    assert Stage.objects.filter(within_timescale=True).exists()


def test_stage_2_is_always_handled_by_someone_independent(demo):
    stage2s = Stage.objects.filter(number=2, handler__isnull=False).select_related("complaint")
    assert stage2s.exists()
    for stage2 in stage2s:
        stage1 = Stage.objects.get(complaint=stage2.complaint, number=1)
        assert stage2.handler_id != stage1.handler_id  # 6.13
        assert stage2.requested_on >= stage1.responded_on


def test_extensions_within_the_limit_and_beyond_it_only_with_a_good_reason(demo):
    extended = Stage.objects.filter(extended_days__gt=0).prefetch_related("extensions")
    within = beyond = 0
    for stage in extended:
        limit = 10 if stage.number == 1 else 20
        extensions = list(stage.extensions.all())
        assert sum(e.working_days for e in extensions) == stage.extended_days
        if stage.extended_days <= limit:
            within += 1
        else:
            beyond += 1
            assert any(e.good_reason for e in extensions)  # 6.4, 6.15
        for extension in extensions:
            assert extension.reason
            assert extension.resident_informed_on >= stage.requested_on
    assert within and beyond
    assert not Extension.objects.filter(stage__acknowledged_on__isnull=True).exists()


def test_remedies_of_every_type_and_actions_done_and_overdue(demo):
    assert set(Remedy.objects.values_list("type", flat=True)) == set(RemedyType.values)
    for remedy in Remedy.objects.filter(type=RemedyType.FINANCIAL):
        assert remedy.amount > 0
    assert Remedy.objects.filter(completed_on__isnull=False).exists()
    assert OutstandingAction.objects.filter(completed_on__isnull=False).exists()
    assert OutstandingAction.objects.filter(completed_on__isnull=True, due_on__lt=TODAY).exists()
    for action in OutstandingAction.objects.filter(completed_on__isnull=False):
        assert action.completed_on <= TODAY


def test_how_complaints_arrived_and_who_made_them(demo):
    channels = set(Complaint.objects.values_list("channel", flat=True))
    assert {"phone", "web", "email"} <= channels
    assert len(channels) >= 4
    assert len(set(Complaint.objects.values_list("category", flat=True))) >= 4
    assert Complaint.objects.exclude(service_area="").exists()
    assert Complaint.objects.filter(service_request__isnull=False).exists()  # 1.5
    assert Complaint.objects.filter(representative__isnull=False).exists()  # 1.3, 3.6
    grouped = Complaint.objects.annotate(n=Count("co_complainants")).filter(n__gt=0)
    assert grouped.exists()
    assert RelatedIssue.objects.exists()  # 6.8
    assert Note.objects.exists()


def test_events_are_dated_on_the_day_each_thing_happened(demo):
    for complaint in Complaint.objects.all():
        logged = Event.objects.get(complaint=complaint, type="complaint_logged")
        assert london_date(logged.occurred_at) == complaint.received_on
    latest = Event.objects.order_by("-occurred_at").first().occurred_at
    assert london_date(latest) <= TODAY


def test_if_empty_leaves_a_loaded_database_alone(demo):
    from io import StringIO

    out = StringIO()
    call_command("demo", if_empty=True, stdout=out)
    assert "already holds 40 complaints" in out.getvalue()
    assert Complaint.objects.count() == DEMO_SIZE


def test_without_if_empty_a_second_load_is_refused(demo):
    with pytest.raises(CommandError, match="only into an empty database"):
        call_command("demo", complaints=30, not_production=True)
    assert Complaint.objects.count() == DEMO_SIZE


def test_the_same_seed_plans_the_same_demo_and_another_seed_another():
    calendar = WorkingDayCalendar()

    def planned(seed):
        plans = Planner(calendar=calendar, today=TODAY, seed=seed).plans(40)
        return [(p.received_on, p.resident, [(s.on, s.action) for s in p.steps]) for p in plans]

    assert planned(3) == planned(3)
    assert planned(3) != planned(4)


def test_the_clock_is_the_real_one_again_after_loading(demo):
    from django.utils import timezone

    from putright import dates

    assert dates.today() == TODAY
    assert abs(timezone.now() - dt.datetime(2025, 11, 24, 10, 0, tzinfo=dt.UTC)) < dt.timedelta(
        hours=1
    )


def test_the_manager_pages_have_something_to_show(demo):
    """UX review M7: lessons, Ombudsman cases, a self-assessment under way and issued letters,
    all made through the services from the demo's own cases."""
    from putright.letters.models import Letter, LetterStatus
    from putright.oversight.models import Lesson, OmbudsmanCase
    from putright.selfassessment.models import SelfAssessment

    lessons = Lesson.objects.all()
    assert lessons.count() >= 2
    assert all(lesson.complaints.exists() for lesson in lessons)
    assert {lesson.status for lesson in lessons} >= {"implemented", "in_progress"}
    cases = OmbudsmanCase.objects.all()
    assert cases.count() >= 1
    assert all(case.complaint.stages.filter(number=2).exists() for case in cases)
    assessment = SelfAssessment.objects.get(status="draft")
    assert assessment.answers.exclude(evidence="").exists()
    issued = Letter.objects.filter(status=LetterStatus.ISSUED)
    assert issued.filter(kind="acknowledgement").exists()
    assert issued.filter(kind="stage1_response").exists()


@pytest.mark.parametrize("today", [dt.date(2025, 11, 24), dt.date(2026, 12, 3)])
def test_a_related_complaint_is_logged_by_the_complaints_officer(today):
    """Adding to another handler's case is acting on it (6.8): the demo failed to load on
    3 December 2026 when a handler logged one. Planned for 300 complaints, as `make run` does."""
    plans = Planner(calendar=WorkingDayCalendar(), today=today, seed=1).plans(300)
    related = [p for p in plans if p.related_to is not None]
    assert related  # the plan has some, so the rule is exercised
    for plan in related:
        log = next(step for step in plan.steps if step.action == "log")
        assert log.actor == "olivia"
