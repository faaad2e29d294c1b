"""API error conventions: 400 names each bad field; 409 names the Code rule broken."""

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
