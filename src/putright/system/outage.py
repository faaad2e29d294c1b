"""When the database is away, say so: 503 with Retry-After, never a bare 500 (security review,
finding 9). The services run each change in one transaction, so a request that fails here
either changed nothing or (if it failed after the commit, while reading the answer) can be
retried safely with its idempotency key."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
MESSAGE = "The service is briefly unavailable. Nothing was lost: please try again in a moment."


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # Operators need the cause; the client gets the short answer below.
        logger.warning("Database unavailable at %s", request.path, exc_info=exception)
        if request.path.startswith("/api/"):
            response = JsonResponse({"error": "unavailable", "detail": MESSAGE}, status=503)
        else:
            response = HttpResponse(
                '<!doctype html><html lang="en-GB"><title>Try again shortly</title>'
                f"<main><h1>Try again shortly</h1><p>{MESSAGE}</p></main></html>",
                status=503,
                content_type="text/html; charset=utf-8",
            )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
