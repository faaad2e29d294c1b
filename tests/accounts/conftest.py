"""Sign-in fixtures: clients at given addresses."""

import pytest
from django.test import Client


@pytest.fixture
def from_address():
    def make(address: str, forwarded_for: str | None = None) -> Client:
        extra = {"REMOTE_ADDR": address}
        if forwarded_for is not None:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
        return Client(**extra)

    return make
