"""The client address behind N trusted proxies (PUTRIGHT_TRUSTED_PROXY_HOPS)."""

import pytest
from django.test import RequestFactory

from putright.accounts.clientip import client_ip


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, None, "10.0.0.1"),
        (0, "203.0.113.5", "10.0.0.1"),  # no trusted proxy: the header is the client's own
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.1, 203.0.113.5", "203.0.113.5"),  # a spoofed entry on the left
        (2, "198.51.100.1, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.1"),  # fewer entries than proxies: the nearest we know
        (1, "not-an-address", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_n_hops_from_the_right(settings, hops, forwarded, expected):
    settings.PUTRIGHT_TRUSTED_PROXY_HOPS = hops
    extra = {"REMOTE_ADDR": "10.0.0.1"}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **extra)) == expected
