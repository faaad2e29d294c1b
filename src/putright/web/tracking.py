"""The resident's private tracking link: the complaint reference and its link generation signed
with the site's secret key, so that only the link we send opens the page, and no password is
needed.

A link ends (review finding 17) when staff revoke the complaint's links, which bumps
`Complaint.tracking_generation` so that every link signed before no longer matches, or
`PUTRIGHT_TRACKING_LINK_DAYS_AFTER_CLOSE` days after the complaint closed. An ended link is told
apart from a made-up one: the resident who followed a real link is told kindly how to reach us
(410), while an altered or invented token learns nothing (404)."""

from __future__ import annotations

import datetime as dt
import enum
import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from putright import dates
from putright.complaints import selectors, services
from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted

SALT = "putright.web.tracking"


class LinkState(enum.Enum):
    VALID = "valid"
    INVALID = "invalid"  # altered, invented, or for no complaint: 404
    ENDED = "ended"  # revoked, or too long after the complaint closed: 410


def tracking_token(complaint: Complaint) -> str:
    payload = {"ref": complaint.reference, "gen": complaint.tracking_generation}
    return signing.dumps(payload, salt=SALT, compress=True)


def _payload(token: str) -> tuple[str, int] | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("ref"), str):
        return None
    # Links sent before generations existed carry none: they are generation 0.
    generation = data.get("gen", 0)
    if not isinstance(generation, int) or isinstance(generation, bool):
        return None
    return data["ref"], generation


def link_ends_on(complaint: Complaint) -> dt.date | None:
    """The last day a link to this complaint works; None while the complaint is open."""
    if complaint.closed_on is None:
        return None
    return complaint.closed_on + dt.timedelta(days=settings.PUTRIGHT_TRACKING_LINK_DAYS_AFTER_CLOSE)


def complaint_for_token(token: str) -> tuple[LinkState, Complaint | None]:
    """The complaint a link opens, or why it opens none."""
    payload = _payload(token)
    if payload is None:
        return LinkState.INVALID, None
    reference, generation = payload
    try:
        complaint = selectors.complaint_get(reference=reference)
    except Complaint.DoesNotExist:
        return LinkState.INVALID, None
    if generation != complaint.tracking_generation:
        return LinkState.ENDED, None
    ends_on = link_ends_on(complaint)
    if ends_on is not None and dates.today() > ends_on:
        return LinkState.ENDED, None
    return LinkState.VALID, complaint


def tracking_path(complaint: Complaint) -> str:
    return reverse("web:track", args=[tracking_token(complaint)])


def tracking_url(request, complaint: Complaint) -> str:
    return request.build_absolute_uri(tracking_path(complaint))


def token_view(view):
    """Every route that takes a tracking token (the page, stage 2, information, documents and
    the resident's own downloads) opens the complaint through here, so none can forget that a
    link ends: `view(request, token, complaint, ...)`.

    A signed-in member of staff who follows the link sees a read-only preview (review finding
    G1): `request.tracking_preview` is true, the page shows no forms, and anything but reading is
    refused with 403. Only the resident's own link, outside a staff session, can act, so an
    action through it is truly the resident's when the record says so."""

    @functools.wraps(view)
    def wrapper(request, token, *args, **kwargs):
        state, complaint = complaint_for_token(token)
        if state is LinkState.INVALID:
            raise Http404("This link is not valid.")
        if state is LinkState.ENDED:
            return link_ended(request)
        request.tracking_preview = is_staff_session(request)
        if request.tracking_preview and request.method not in ("GET", "HEAD"):
            from putright.web.views import forbidden

            return forbidden(
                request,
                "This is a preview of what the resident sees. Staff cannot act through the "
                "resident's link: record what the resident asked for on the case page.",
            )
        return view(request, token, complaint, *args, **kwargs)

    return wrapper


def is_staff_session(request) -> bool:
    # Every account is staff: residents never sign in.
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def link_ended(request) -> HttpResponse:
    from putright.landlord.selectors import landlord_settings

    response = render(
        request, "web/public/link_ended.html", {"landlord": landlord_settings()}, status=410
    )
    response.headers["Cache-Control"] = "no-store"
    return response


# --- staff: revoking one complaint's links ---------------------------------------------------


@login_required
@require_POST
def revoke(request, reference):
    """End the resident's tracking links for this case only; the case page then shows the fresh
    link to send them."""
    from putright.web.views import forbidden

    complaint = get_object_or_404(Complaint, reference=reference)
    try:
        services.tracking_link_revoke(
            user=request.user, complaint=complaint, reason=request.POST.get("reason", "")
        )
    except NotPermitted as error:
        return forbidden(request, str(error))
    except InvalidInput as error:
        messages.error(request, " ".join(" ".join(m) for m in error.errors.values()))
    else:
        messages.success(
            request,
            "The old tracking links no longer work. Send the resident the new link under "
            "Related pages.",
        )
    return redirect("web:complaint", reference=complaint.reference)
