"""6.8: a related complaint raised before the stage 1 response joins it; after, it is a new
complaint that refers back."""

import pytest

from putright.complaints.models import Complaint
from putright.complaints.services import complaint_log
from putright.errors import InvalidInput
from tests.complaints.factories import D, fresh, investigating, logged, responded


def related(user, earlier, **kw):
    return complaint_log(
        user=user,
        resident={"name": "Rosa Patel", "tenancy_reference": "T-1"},
        received_on=kw.pop("received_on", D(2025, 11, 12)),
        channel="email",
        description="And the bathroom extractor fan is broken too.",
        related_to=earlier.reference,
        **kw,
    )


@pytest.mark.parametrize("point", ["logged", "investigating"])
def test_a_related_complaint_before_the_stage_1_response_is_added_to_it(olivia, hannah, point):
    earlier = (
        logged(user=olivia) if point == "logged" else investigating(user=olivia, handler=hannah)
    )
    deadlines = list(earlier.stages.values_list("acknowledge_by", "respond_by"))
    complaint, created = related(olivia, earlier)
    assert not created
    assert complaint.pk == earlier.pk
    assert Complaint.objects.count() == 1
    issue = fresh(earlier).related_issues.get()
    assert (issue.received_on, issue.channel) == (D(2025, 11, 12), "email")
    event = fresh(earlier).events.last()
    assert (event.type, event.parameters["provision"]) == ("related_issue_added", "6.8")
    # Its deadlines are those of the complaint it joined.
    assert list(fresh(earlier).stages.values_list("acknowledge_by", "respond_by")) == deadlines


def test_after_the_stage_1_response_it_is_a_new_complaint(olivia, hannah):
    earlier = responded(user=olivia, handler=hannah, on=D(2025, 11, 11))
    complaint, created = related(olivia, earlier)
    assert created
    assert complaint.related_to == earlier
    assert complaint.current_stage.acknowledge_by == D(2025, 11, 19)
    assert not fresh(earlier).related_issues.exists()


def test_an_unknown_reference_is_named(olivia):
    earlier = logged(user=olivia)
    earlier.reference = "CMP-999999"
    with pytest.raises(InvalidInput) as error:
        related(olivia, earlier)
    assert "related_to" in error.value.errors
