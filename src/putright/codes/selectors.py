"""Reads of the Code."""

from __future__ import annotations

from django.db.models import QuerySet

from putright.codes.catalogue import CURRENT
from putright.codes.models import CodeVersion, Provision


def code_version(key: str | None = None) -> CodeVersion:
    return CodeVersion.objects.get(key=key or CURRENT)


def provision_list(*, version: str | None = None) -> QuerySet[Provision]:
    return Provision.objects.filter(code_version__key=version or CURRENT).select_related(
        "section", "code_version"
    )
