"""Every live figure can fail (issue 10, item 8).

For each provision with live evidence under the 2024 Code, a record that breaches it is built
through the public services (or, for a rule Putright enforces, by editing the record as data from
before the rule would look), and the figure must list that case and propose "no" or "partly".
The last test builds every breach at once and checks that no figure is left without one here:
a new figure without a breach test fails it.

Today is Monday 24 November 2025; the period is the reporting year 2025/26.
"""

import datetime as dt

import pytest

from putright.complaints import services
from putright.complaints.models import Extension, Refusal, Stage
from putright.letters import services as letters
from putright.people import services as people
from putright.rules.dissatisfaction import label as label_of_flag
from putright.selfassessment.live_evidence import live_evidence, organisation_evidence
from tests.factories import acknowledge, log_complaint, respond
from tests.factories import played_on as _on

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


@pytest.fixture(autouse=True)
def _letter_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _stage1_answered(u, received=dt.date(2025, 9, 1), responded=dt.date(2025, 9, 5)):
    case = log_complaint(user=u.olivia, received_on=received)
    acknowledge(case, user=u.hannah, handler=u.hannah, on=received)
    respond(case, user=u.hannah, on=responded)
    return case


def _escalated(u, on=dt.date(2025, 9, 8)):
    case = _stage1_answered(u)
    _on(on, services.complaint_escalate, user=u.olivia, complaint=case, requested_on=on)
    return case


def _stage2(u, acknowledged=dt.date(2025, 9, 9)):
    case = _escalated(u)
    acknowledge(case, user=u.olivia, handler=u.harry, on=acknowledged)
    return case


def _extended(case, user, *, days, informed):
    _on(
        informed,
        services.complaint_extend,
        user=user,
        complaint=case,
        working_days=days,
        reason="Surveyor's report awaited.",
        resident_informed_on=informed,
    )


def ack_never(u):
    # Received Mon 3 Nov, due Mon 10 Nov, never acknowledged.
    return log_complaint(user=u.olivia, received_on=D(2025, 11, 3)).reference


def respond_late(u):
    # Acknowledged Wed 1 Oct (due Wed 15 Oct), answered Thu 30 Oct.
    return _stage1_answered(u, received=D(2025, 10, 1), responded=D(2025, 10, 30)).reference


def stage2_ack_late(u):
    # Asked for Mon 8 Sep (due Mon 15 Sep), acknowledged Mon 22 Sep.
    return _stage2(u, acknowledged=D(2025, 9, 22)).reference


def stage2_respond_late(u):
    # Acknowledged Tue 9 Sep (due Tue 7 Oct), answered Mon 20 Oct.
    case = _stage2(u)
    respond(case, user=u.harry, on=D(2025, 10, 20))
    return case.reference


def extension_over_limit_stage1(u):
    # Enforced: 11 days without a good reason is refused, so the record is edited.
    case = log_complaint(user=u.olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=u.hannah, handler=u.hannah, on=D(2025, 11, 3))
    _extended(case, u.hannah, days=10, informed=D(2025, 11, 10))
    Extension.objects.filter(stage__complaint=case).update(working_days=11)
    return case.reference


def extension_over_limit_stage2(u):
    case = _stage2(u, acknowledged=D(2025, 10, 28))
    Stage.objects.filter(complaint=case, number=2).update(acknowledged_on=D(2025, 10, 28))
    _extended(case, u.harry, days=20, informed=D(2025, 11, 10))
    Extension.objects.filter(stage__complaint=case, stage__number=2).update(working_days=21)
    return case.reference


def extension_not_written_stage1(u):
    case = log_complaint(user=u.olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=u.hannah, handler=u.hannah, on=D(2025, 11, 3))
    _extended(case, u.hannah, days=5, informed=D(2025, 11, 10))
    return case.reference


def extension_not_written_stage2(u):
    case = _stage2(u, acknowledged=D(2025, 10, 28))
    _extended(case, u.harry, days=5, informed=D(2025, 11, 10))
    return case.reference


def not_independent(u):
    # Enforced: the services refuse Hannah at stage 2, so the record is edited.
    case = _stage2(u)
    Stage.objects.filter(complaint=case, number=2).update(handler=u.hannah)
    return case.reference


def _refused(u, case, day):
    _on(
        day,
        services.complaint_refuse,
        user=u.martin,
        complaint=case,
        reason="legal_proceedings",
        explanation="A court claim about the same repair was filed.",
        decided_on=day,
    )
    return case


def refusal_unexplained(u):
    # Enforced: an explanation is required, so the record is edited.
    case = _refused(u, log_complaint(user=u.olivia, received_on=D(2025, 10, 13)), D(2025, 10, 14))
    issue(case, "refusal", u.olivia)
    Refusal.objects.filter(complaint=case).update(explanation="")
    return case.reference


def refusal_not_written(u):
    return _refused(
        u, log_complaint(user=u.olivia, received_on=D(2025, 10, 13)), D(2025, 10, 14)
    ).reference


def escalation_refusal_not_written(u):
    return _refused(u, _escalated(u), D(2025, 9, 9)).reference


def remedy_late(u):
    case = log_complaint(user=u.olivia, received_on=D(2025, 10, 1))
    acknowledge(case, user=u.hannah, handler=u.hannah, on=D(2025, 10, 1))
    respond(
        case,
        user=u.hannah,
        on=D(2025, 10, 10),
        remedies=[{"type": "action", "description": "Fix the gutter", "due_on": D(2025, 10, 31)}],
    )
    return case.reference


def stage2_decided_by_a_handler(u):
    # Harry, a complaint handler, decides the final response alone (6.20).
    case = _stage2(u)
    respond(case, user=u.harry, on=D(2025, 10, 1))
    return case.reference


def payment_outside_the_guide(u):
    # Offered with no band of the compensation guide and no reason for departing from it (7.4).
    case = log_complaint(user=u.olivia, received_on=D(2025, 10, 1))
    acknowledge(case, user=u.hannah, handler=u.hannah, on=D(2025, 10, 1))
    payment = {"type": "financial", "description": "For the delay", "amount": "40"}
    respond(
        case, user=u.hannah, on=D(2025, 10, 10), remedies=[{**payment, "due_on": D(2025, 10, 24)}]
    )
    return case.reference


def response_not_written_stage1(u):
    return _stage1_answered(u).reference


def response_not_written_stage2(u):
    case = _stage2(u)
    respond(case, user=u.harry, on=D(2025, 10, 1))
    return case.reference


def adjustment_not_reviewed(u):
    resident = log_complaint(user=u.olivia, received_on=D(2025, 6, 2)).resident
    adjustment = people.adjustment_agree(
        user=u.olivia,
        resident=resident,
        description="Large print letters",
        agreed_on=D(2025, 6, 2),
        review_on=D(2025, 10, 1),
    )
    return f"adjustment {adjustment.pk}"


def restriction_not_reviewed(u):
    resident = log_complaint(user=u.olivia, received_on=D(2025, 6, 2)).resident
    restriction = people.restriction_impose(
        user=u.olivia,
        resident=resident,
        behaviour="Abusive calls to staff on 28 and 29 August.",
        restriction="Contact by e-mail only.",
        equality_considered=True,
        decided_on=D(2025, 9, 1),
        resident_told_on=D(2025, 9, 1),
        review_on=D(2025, 11, 1),
    )
    return f"restriction {restriction.pk}"


def service_request_left_open(u):
    request = services.service_request_log(
        user=u.hannah,
        resident={"name": "Rosa Patel", "email": "rosa@example.org"},
        received_on=D(2025, 10, 1),
        channel="phone",
        description="The bathroom extractor fan has stopped.",
    )
    return f"service request {request.pk}"


def no_officer(u):
    from putright.accounts.models import Role, User

    User.objects.filter(role=Role.OFFICER).update(is_active=False)
    return "no complaints officer"


def no_policy_published(u):
    from putright.landlord.models import LandlordSettings

    LandlordSettings.objects.update_or_create(pk=1, defaults={"complaints_policy_url": ""})
    return "no complaints policy address"


def late_without_updates_agreed(u):
    # Answered late (see respond_late), and no interval for updates was ever agreed.
    return _stage1_answered(u, received=D(2025, 10, 1), responded=D(2025, 10, 30)).reference


def _answered_with_an_action(u, case, user, on):
    action = {"description": "Replace the kitchen ceiling", "due_on": D(2025, 10, 31)}
    respond(case, user=user, on=on, actions=[action])
    return case.reference


def stage1_action_left_undone(u):
    case = log_complaint(user=u.olivia, received_on=D(2025, 10, 1))
    acknowledge(case, user=u.hannah, handler=u.hannah, on=D(2025, 10, 1))
    return _answered_with_an_action(u, case, u.hannah, D(2025, 10, 10))


def stage2_action_left_undone(u):
    return _answered_with_an_action(u, _stage2(u), u.harry, D(2025, 10, 1))


def upheld_without_a_lesson(u):
    return _stage1_answered(u).reference


def survey_comment_not_followed_up(u):
    """1.3, 1.6: a dissatisfied survey comment whose resident was never offered the complaints
    process, past the time to follow it up."""
    from putright.surveys.services import survey_record

    survey = survey_record(
        user=u.olivia,
        responded_on=D(2025, 9, 1),
        tenure="lcra",
        complained_last_12_months=True,
        satisfaction="very_dissatisfied",
        comment="Nobody called me back.",
    )
    return survey.label


def service_request_flag_not_followed_up(u):
    """1.5: a service request the detector heard as dissatisfied, never followed up, past the
    time to follow it up."""
    request = _on(
        D(2025, 9, 1),
        services.service_request_log,
        user=u.olivia,
        resident={"name": "Ada Lovelace"},
        received_on=D(2025, 9, 1),
        channel="phone",
        description="This is the third time I have reported the leak and nobody has come. "
        "I am fed up with being ignored.",
    )
    return label_of_flag(request.dissatisfaction_flag.pk)


def staff_untrained(u):
    # Nobody has complaint-handling training: every member of staff who handles cases fails 4.3.
    return f"staff member {u.hannah.pk}"


def staff_unaware(u):
    return f"staff member {u.hannah.pk}"


def contractor_request_unanswered(u):
    from tests.contractors.factories import request_for

    return request_for(u.olivia, sent_on=D(2025, 10, 1), due_on=D(2025, 10, 10)).complaint.reference


# --- the landlord's own records (organisation_evidence): 8.3, 8.4, 8.5, 9.3, 9.4, 9.5, 9.7 -------


def change_without_reassessment(u):
    from putright.governance.services import organisational_change_record

    change = organisational_change_record(
        user=u.olivia, kind="merger", changed_on=D(2025, 10, 1), description="Merged with X."
    )
    return str(change)


def incident_never_told(u):
    from putright.governance.services import incident_record
    from putright.rules.continuity import label

    return label(
        incident_record(
            user=u.olivia,
            title="Cyber attack",
            description="Systems offline.",
            starts_on=D(2025, 11, 3),
            ends_on=D(2025, 11, 14),
        )
    )


def review_not_acted_on(u):
    from putright.oversight import services as oversight

    case = _stage1_answered(u)
    referral = oversight.ombudsman_case_open(
        user=u.olivia, complaint=case, referred_on=D(2025, 9, 10)
    )
    oversight.ombudsman_determination_record(
        user=u.olivia,
        case=referral,
        determined_on=D(2025, 10, 1),
        findings=[{"element": "Repairs", "finding": "service_failure"}],
        self_assessment_review=True,
    )
    return case.reference


def meeting_without_a_report(u):
    from putright.governance.services import meeting_record

    return str(meeting_record(user=u.olivia, held_on=D(2025, 10, 15), body="Board"))


def quarter_without_a_report(u):
    # No meeting received a report: every quarter of the period that has ended is a breach.
    return "quarter 2025-07-01 to 2025-09-30"


def nobody_named(u):
    return "nobody named in the governance settings"


def determination_unreported(u):
    from putright.governance.services import meeting_record
    from putright.oversight import services as oversight

    case = _stage1_answered(u)
    referral = oversight.ombudsman_case_open(
        user=u.olivia, complaint=case, referred_on=D(2025, 9, 10), ombudsman_reference="HOS-9"
    )
    oversight.ombudsman_determination_record(
        user=u.olivia,
        case=referral,
        determined_on=D(2025, 10, 1),
        findings=[{"element": "Repairs", "finding": "maladministration"}],
    )
    meeting_record(user=u.olivia, held_on=D(2025, 11, 5), body="Board")
    return case.reference


def representative_without_consent(u):
    representative = {"name": "Sam Patel", "relationship": "Son", "email": "sam@example.org"}
    case = log_complaint(user=u.olivia, received_on=D(2025, 10, 1), representative=representative)
    acknowledge(case, user=u.hannah, handler=u.hannah, on=D(2025, 10, 1))
    return case.reference


def response_not_signed_off(u):
    # Enforced: a stage 1 response needing sign-off is refused without one, so the letter is
    # signed off and issued, then edited as a record from before the rule would look.
    from putright.letters import sign_off
    from putright.letters.models import Letter

    sign_off.sign_off_configure(user=u.olivia, stage=1, required=True, roles=["officer"])
    case = _stage1_answered(u)
    letter = letters.letter_draft(user=u.hannah, complaint=case, kind="stage1_response")
    sign_off.letter_sign_off(user=u.olivia, letter=letter)
    letters.letter_issue(user=u.hannah, letter=letter, delivery="post")
    Letter.objects.filter(pk=letter.pk).update(signed_off_by=None, signed_off_at=None)
    return case.reference


def issue(case, kind, user):
    letter = letters.letter_draft(user=user, complaint=case, kind=kind)
    return letters.letter_issue(user=user, letter=letter, delivery="post")


BREACHES = {
    "6.2": ack_never,
    "6.3": respond_late,
    "6.11": stage2_ack_late,
    "6.14": stage2_respond_late,
    "6.4": extension_over_limit_stage1,
    "6.15": extension_over_limit_stage2,
    "6.5": extension_not_written_stage1,
    "6.16": extension_not_written_stage2,
    "6.13": not_independent,
    "2.1": refusal_unexplained,
    "2.4": refusal_not_written,
    "5.11": escalation_refusal_not_written,
    "7.3": remedy_late,
    "7.4": payment_outside_the_guide,
    "6.20": stage2_decided_by_a_handler,
    "6.9": response_not_written_stage1,
    "6.19": response_not_written_stage2,
    "5.10": adjustment_not_reviewed,
    "5.14": restriction_not_reviewed,
    "1.4": service_request_left_open,
    "3.4": no_policy_published,
    "5.9": late_without_updates_agreed,
    "6.6": stage1_action_left_undone,
    "6.17": stage2_action_left_undone,
    "9.1": upheld_without_a_lesson,
    "1.3": survey_comment_not_followed_up,
    "1.5": service_request_flag_not_followed_up,
    "1.6": survey_comment_not_followed_up,
    "3.2": staff_unaware,
    "4.3": staff_untrained,
    "5.5": contractor_request_unanswered,
    "3.6": representative_without_consent,
    "6.7": response_not_signed_off,
    "4.1": no_officer,  # last: the other builders act as the officer
}
# The landlord's records rather than its complaints (organisation_evidence).
ORGANISATION_BREACHES = {
    "8.3": change_without_reassessment,
    "8.4": review_not_acted_on,
    "8.5": incident_never_told,
    "9.3": meeting_without_a_report,
    "9.4": nobody_named,
    "9.5": nobody_named,
    "9.6": quarter_without_a_report,
    "9.7": determination_unreported,
}
# Figures for rules Putright refuses to let be broken: they say so beside the figure.
ENFORCED = {"6.4", "6.15", "6.13", "2.1", "6.7"}


class Users:
    def __init__(self, olivia, hannah, harry, martin):
        self.olivia, self.hannah, self.harry, self.martin = olivia, hannah, harry, martin


@pytest.fixture
def users(olivia, hannah, harry, martin):
    return Users(olivia, hannah, harry, martin)


@pytest.mark.parametrize("ref", sorted(BREACHES))
def test_the_figure_shows_the_breach(ref, users):
    label = BREACHES[ref](users)
    # A provision can have more than one figure (1.3: survey comments and e-mails).
    [figure] = [f for f in live_evidence(**PERIOD) if f.ref == ref and label in f.breaches]
    assert label in figure.breaches
    assert figure.met < figure.total
    assert figure.proposed in ("no", "partly")
    assert bool(figure.enforced) == (ref in ENFORCED)


@pytest.mark.parametrize("ref", sorted(ORGANISATION_BREACHES))
def test_the_landlords_records_show_the_breach(ref, users):
    label = ORGANISATION_BREACHES[ref](users)
    [figure] = [f for f in organisation_evidence(**PERIOD) if f.ref == ref]
    assert label in figure.breaches
    assert figure.met < figure.total
    assert figure.proposed in ("no", "partly")


def test_no_figure_is_without_a_breach_test(users):
    for build in BREACHES.values():
        build(users)
    assert {f.ref for f in live_evidence(**PERIOD)} == set(BREACHES)
    for build in ORGANISATION_BREACHES.values():
        build(users)
    assert {f.ref for f in organisation_evidence(**PERIOD)} == set(ORGANISATION_BREACHES)
