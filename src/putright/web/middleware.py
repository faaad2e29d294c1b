"""A strict Content-Security-Policy on every page: everything from this origin, no inline or
third-party script, no framing.

The pages use no inline scripts, so the policy needs no nonces. The API's interactive docs
(Swagger UI) are served from our own static files with their start-up script as a file of its
own (drf-spectacular's split view), so the same policy covers them.
"""

from django.conf import settings

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Scripts are strictly same-origin. Inline styles are allowed (their risk is small):
        # some pages of other apps (the oversight dashboard, letter previews) carry a <style>
        # block. The web app's own pages use none (tests/web/test_security.py).
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

EXEMPT_PREFIXES: tuple[str, ...] = ()


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "PUTRIGHT_CSP", POLICY)
        self.exempt = tuple(getattr(settings, "PUTRIGHT_CSP_EXEMPT_PREFIXES", EXEMPT_PREFIXES))

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.exempt):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every answer that has not chosen its own caching (finding 15):
    pages, API answers and exports carry residents' personal data, and no browser, proxy or
    shared computer should keep a copy. Static files (served before this by WhiteNoise, with
    their own long caching) are untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store, private"
        return response
