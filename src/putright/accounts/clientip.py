"""The client's address: the one thing every lock-out and public limit is keyed on.

Behind reverse proxies that you run, each proxy appends the address it received the request
from to X-Forwarded-For, so with N trusted hops the client is the N-th entry from the right;
anything further left was written by the client and is ignored. With 0 hops (the default, for a
server that clients reach directly) the header is ignored and REMOTE_ADDR is the client.

Written here rather than through django-ipware's proxy count, which counts differently: with
one proxy and the usual single-entry header (`X-Forwarded-For: <client>`) it finds no address
at all, and one spoofed extra entry makes it give up too.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None  # None: no address (an internal request)
    hops = int(getattr(settings, "PUTRIGHT_TRUSTED_PROXY_HOPS", 0))
    if hops <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < hops:
        # Not every trusted proxy saw this request: the nearest one we know is REMOTE_ADDR.
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
