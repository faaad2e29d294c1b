"""Self-assessment history gets the event log's protection (5.12, 8.2): each self-assessment's
changes are a hash chain that `putright audit verify` checks, beside the events' chains."""

import itertools
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from putright.complaints import append_only, audit
from putright.selfassessment import history
from putright.selfassessment.models import Change
from tests.selfassessment.factories import answer_all, start

pytestmark = pytest.mark.django_db


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _without_triggers():
    # What the table owner could do; rolled back with the test's transaction.
    for statement in append_only.drop(connection.vendor, "selfassessment_change"):
        _raw(statement)


@pytest.fixture
def assessment(olivia):
    assessment = start(olivia)
    answer_all(assessment, olivia)
    return assessment


def test_each_self_assessment_is_a_chain_that_verifies(assessment, olivia, capsys):
    other = start(olivia, period_start=assessment.period_start.replace(year=2023))
    for sa in (assessment, other):
        changes = list(Change.objects.filter(self_assessment=sa).order_by("sequence"))
        assert [c.sequence for c in changes] == list(range(len(changes)))
        assert changes[0].previous_hash == audit.GENESIS
        assert all(b.previous_hash == a.hash for a, b in itertools.pairwise(changes))
    assert history.verify()[1] == []
    call_command("audit", "verify", "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["checked"]["self-assessment changes"] == Change.objects.count() > 2
    assert result["problems"] == []


def test_a_changed_answer_in_history_is_reported(assessment):
    _without_triggers()
    target = Change.objects.filter(self_assessment=assessment).exclude(after={}).last()
    _raw(
        "UPDATE selfassessment_change SET after = %s WHERE id = %s",
        [json.dumps({"comply": "no"}), target.pk],
    )
    _, problems = history.verify()
    assert [(p.kind, p.event_id) for p in problems] == [("changed", target.pk)]
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_a_removed_change_is_reported(assessment):
    _without_triggers()
    target = Change.objects.filter(self_assessment=assessment).order_by("sequence")[1]
    _raw("DELETE FROM selfassessment_change WHERE id = %s", [target.pk])
    _, problems = history.verify()
    assert ("removed", target.sequence) in [(p.kind, p.sequence) for p in problems]


def test_a_re_attributed_change_is_reported(assessment, martin):
    _without_triggers()
    target = Change.objects.filter(self_assessment=assessment).first()
    _raw(
        "UPDATE selfassessment_change SET actor_name = 'martin', actor_id = %s WHERE id = %s",
        [martin.pk, target.pk],
    )
    _, problems = history.verify()
    assert [(p.kind, p.sequence) for p in problems] == [("changed", target.sequence)]
