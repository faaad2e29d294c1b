"""The secret key signs every session, tracking link and password-reset token. Outside
development a missing, published or weak one stops start-up with the reason (security review,
finding 1), because a server that runs on a known key lets anyone forge a resident's tracking
link. Django's own check (security.W009) only warns, and only about `django-insecure-` keys."""

from django.core.exceptions import ImproperlyConfigured

MIN_LENGTH = 50
MIN_DISTINCT = 5
HOW = (
    'Make one with: python -c "import secrets; print(secrets.token_urlsafe(50))" '
    "and set it in the environment (docs/operating.md)."
)


def require_production_key(key: str, *, development_key: str) -> None:
    if not key:
        raise ImproperlyConfigured(f"SECRET_KEY must be set when DEBUG is off. {HOW}")
    if key == development_key or key.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            f"SECRET_KEY is a published development key and must not be used with DEBUG off. {HOW}"
        )
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_DISTINCT:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too weak: use at least {MIN_LENGTH} characters with at least "
            f"{MIN_DISTINCT} different ones. {HOW}"
        )
