import pytest
from rest_framework.test import APIClient

from putright.people.models import Resident
from tests.people.factories import dataset


@pytest.fixture
def api_as(db):
    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        return client

    return make


@pytest.fixture
def rosa(db):
    return Resident.objects.create(
        name="Rosa Patel", email="rosa@example.org", tenancy_reference="T-10023"
    )


@pytest.fixture
def cases(olivia, hannah):
    return dataset(officer=olivia, handler=hannah)
