"""Deployment checks of Putright's own settings, beside Django's (`putright check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_https(app_configs, **kwargs):
    """Residents' tracking links in e-mails and letters are built on PUTRIGHT_SITE_URL: unset,
    they would be relative; over plain HTTP, the link (the key to a case) travels in clear."""
    url = getattr(settings, "PUTRIGHT_SITE_URL", "")
    if url.startswith("https://"):
        return []
    return [
        Warning(
            "PUTRIGHT_SITE_URL is not an https:// address.",
            hint="Set it to the address residents use, e.g. https://complaints.landlord.example; "
            "tracking links in e-mails and letters are built on it.",
            id="putright.W001",
        )
    ]
