import datetime as dt

from tests.factories import acknowledge, log_complaint, respond


def test_a_complaint_goes_through_stage_1(hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    assert complaint.reference.startswith("CMP-")
    assert complaint.current_stage.acknowledge_by == dt.date(2025, 11, 10)
    complaint = acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 4))
    assert complaint.status == "investigating"
    complaint = respond(complaint, user=hannah, on=dt.date(2025, 11, 14))
    assert complaint.status == "responded"
    assert complaint.stages.get(number=1).within_timescale is True
