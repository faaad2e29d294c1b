"""The resident's private tracking link: the complaint reference signed with the site's secret
key, so that only the link we send opens the page, and no password is needed."""

from django.core import signing
from django.urls import reverse

SALT = "putright.web.tracking"


def tracking_token(reference: str) -> str:
    return signing.dumps({"ref": reference}, salt=SALT, compress=True)


def reference_from_token(token: str) -> str | None:
    """The reference a token was signed for, or None when it was altered or made up."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return data.get("ref") if isinstance(data, dict) else None


def tracking_path(reference: str) -> str:
    return reverse("web:track", args=[tracking_token(reference)])


def tracking_url(request, reference: str) -> str:
    return request.build_absolute_uri(tracking_path(reference))
