"""SAR export and an anonymisation run end to end on the demo landlord (`putright demo`)."""

import json
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from putright.accounts.models import User
from putright.complaints.models import Complaint, Remedy, Stage
from putright.landlord.selectors import landlord_settings
from putright.people import data_protection
from putright.people.models import Resident

pytestmark = pytest.mark.django_db


def _statistics():
    return (
        Counter(Complaint.objects.values_list("status", "stage", "category", "received_on")),
        Counter(Stage.objects.values_list("number", "decision", "within_timescale")),
        sorted(str(a) for a in Remedy.objects.values_list("amount", flat=True)),
    )


def test_sar_and_retention_on_the_demo_landlord(db):
    pytest.importorskip("putright.system.demo.load")
    call_command("demo", complaints=30, not_production=True, stdout=StringIO())
    olivia = User.objects.get(username="olivia")
    resident = Complaint.objects.order_by("pk").first().resident
    export = data_protection.subject_access_export(user=olivia, resident=resident)
    assert export["complaints"] and export["events"]
    json.dumps(export)

    # A retention period of nought years: every resident whose cases are all closed goes.
    settings = landlord_settings()
    settings.retention_years = 0
    settings.save()
    before = _statistics()
    names = dict(Resident.objects.values_list("pk", "name"))
    run = data_protection.anonymise_expired()
    assert run.residents, "the demo has closed cases"
    assert _statistics() == before
    for anonymised in Resident.objects.filter(pk__in=run.residents):
        assert anonymised.name == "Anonymised resident" and anonymised.email == ""
        text = json.dumps(data_protection.subject_access_data(anonymised))
        assert names[anonymised.pk] not in text
    still_open = Resident.objects.exclude(pk__in=run.residents).filter(
        complaints__status__in=["awaiting_acknowledgement", "investigating", "responded"]
    )
    assert still_open.exists() and not still_open.filter(anonymised_at__isnull=False).exists()
