"""API error conventions: 400 names each bad field; 409 names the Code rule broken."""

from django.http import JsonResponse
from django.views import defaults
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from putright.errors import InvalidInput, NotPermitted, RuleBroken


def exception_handler(exc, context):
    if isinstance(exc, InvalidInput):
        return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RuleBroken):
        return Response(exc.as_dict(), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, NotPermitted):
        exc = PermissionDenied(str(exc))
    return drf_exception_handler(exc, context)


# --- errors Django answers before or after DRF (unknown URLs, bodies too big, crashes) --------
# Under /api/ every answer is JSON, a 500 included (finding 9): a client parsing the body never
# meets an HTML page. Elsewhere Django's own pages answer.

API_PREFIX = "/api/"


def _json_or(default, status_code: int, error: str, detail: str):
    def handler(request, exception=None, **kwargs):
        if request.path.startswith(API_PREFIX):
            response = JsonResponse({"error": error, "detail": detail}, status=status_code)
            response["Cache-Control"] = "no-store"
            return response
        if exception is None:
            return default(request, **kwargs)
        return default(request, exception, **kwargs)

    return handler


bad_request = _json_or(defaults.bad_request, 400, "bad_request", "The request could not be read.")
permission_denied = _json_or(
    defaults.permission_denied, 403, "forbidden", "You do not have permission to do this."
)
page_not_found = _json_or(defaults.page_not_found, 404, "not_found", "There is nothing here.")
server_error = _json_or(
    defaults.server_error,
    500,
    "server_error",
    "Something went wrong on our side, and it has been logged. Please try again later.",
)
