import datetime as dt

import pytest

from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.oversight import selectors, services
from putright.oversight.models import Lesson
from putright.oversight.periods import reporting_year

pytestmark = pytest.mark.django_db
YEAR_2025 = reporting_year(2025)


def test_a_lesson_is_linked_to_its_complaints_and_implemented(olivia, landlord_cases):
    refs = [landlord_cases["B"].reference, landlord_cases["E"].reference]
    lesson = services.lesson_record(
        user=olivia,
        title="Surveys booked at acknowledgement",
        description="Waiting for surveys made responses late.",
        complaints=refs,
        owner=olivia,
        identified_on=dt.date(2025, 7, 1),
    )
    assert sorted(lesson.complaints.values_list("reference", flat=True)) == sorted(refs)
    services.lesson_update_status(
        user=olivia, lesson=lesson, status="implemented", implemented_on=dt.date(2025, 9, 1)
    )
    assert list(selectors.lessons_implemented(YEAR_2025)) == [lesson]
    assert selectors.lessons_by_status() == {"implemented": 1}


def test_a_lesson_names_unknown_complaints(olivia):
    with pytest.raises(InvalidInput) as error:
        services.lesson_record(user=olivia, title="T", description="D", complaints=["CMP-999"])
    assert "complaints" in error.value.errors
    assert not Lesson.objects.exists()


def test_governance_reads_but_does_not_record_lessons(grace):
    with pytest.raises(NotPermitted):
        services.lesson_record(user=grace, title="T", description="D")


def test_ombudsman_determination_with_findings_and_orders(martin, landlord_cases):
    case = services.ombudsman_case_open(
        user=martin, complaint=landlord_cases["B"], referred_on=dt.date(2025, 6, 20)
    )
    services.evidence_request_record(
        user=martin,
        case=case,
        description="Repair logs",
        requested_on=dt.date(2025, 7, 1),
        due_on=dt.date(2025, 7, 15),
    )
    services.ombudsman_determination_record(
        user=martin,
        case=case,
        determined_on=dt.date(2025, 10, 1),
        code_non_compliance=True,
        summary="Stage 1 response late (6.3).",
        findings=[
            {"element": "Repair of the leak", "finding": "maladministration"},
            {"element": "Complaint handling", "finding": "service_failure"},
        ],
        orders=[
            {"kind": "order", "description": "Pay £200", "due_on": dt.date(2025, 10, 29)},
            {"kind": "recommendation", "description": "Train staff"},
        ],
    )
    figures = selectors.ombudsman_figures(YEAR_2025, today=dt.date(2025, 11, 24))
    assert figures["referred"] == 1 and figures["code_non_compliance"] == 1
    assert figures["findings"] == {"Maladministration": 1, "Service failure": 1}
    assert figures["orders"] == {"outstanding": 2, "late": 1}
    order = case.orders.get(kind="order")
    services.order_comply(
        user=martin, order=order, complied_on=dt.date(2025, 10, 20), evidence="Payment slip."
    )
    assert selectors.ombudsman_figures(YEAR_2025)["orders"] == {"outstanding": 1, "late": 0}
    with pytest.raises(RuleBroken):
        services.ombudsman_determination_record(
            user=martin,
            case=case,
            determined_on=dt.date(2025, 10, 2),
            findings=[{"element": "x", "finding": "maladministration"}],
        )


def test_a_determination_needs_a_known_finding_per_element(martin, landlord_cases):
    case = services.ombudsman_case_open(
        user=martin, complaint=landlord_cases["B"], referred_on=dt.date(2025, 6, 20)
    )
    with pytest.raises(InvalidInput) as error:
        services.ombudsman_determination_record(
            user=martin,
            case=case,
            determined_on=dt.date(2025, 10, 1),
            findings=[{"element": "Repairs", "finding": "guilty"}],
        )
    assert "findings[0].finding" in error.value.errors
    case.refresh_from_db()
    assert case.determined_on is None
