"""`putright demo` on a database that is not ready for it: nothing is loaded."""

import pytest
from django.core.management import CommandError, call_command

from putright.accounts.models import User
from putright.complaints.models import Complaint


@pytest.mark.django_db
def test_too_few_complaints_is_refused():
    with pytest.raises(CommandError, match="at least 30"):
        call_command("demo", complaints=10, not_production=True)
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_a_database_with_users_is_refused_even_when_flagged(harry):
    """Right after a real installation's `adduser`: the demo would add known passwords."""
    with pytest.raises(CommandError, match="already has 1 user"):
        call_command("demo", complaints=30, not_production=True)
    assert not Complaint.objects.exists()
    assert not User.objects.filter(username="olivia").exists()


@pytest.mark.django_db
def test_without_debug_the_demo_needs_the_flag(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="published password"):
        call_command("demo", complaints=30)
    assert not User.objects.exists()
