"""`putright demo` on a database that is not ready for it: nothing is loaded."""

import pytest
from django.core.management import CommandError, call_command

from putright.accounts.models import User
from putright.complaints.models import Complaint


@pytest.mark.django_db
def test_too_few_complaints_is_refused():
    with pytest.raises(CommandError, match="at least 30"):
        call_command("demo", complaints=10)
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_a_clashing_user_stops_the_demo_before_anything_is_loaded(harry):
    harry.role = "manager"
    harry.save()
    with pytest.raises(CommandError, match="'harry' already exists with role manager"):
        call_command("demo", complaints=30)
    assert not Complaint.objects.exists()
    assert not User.objects.filter(username="olivia").exists()
