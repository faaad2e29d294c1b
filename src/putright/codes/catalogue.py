"""The Complaint Handling Code's versions as data, read from `data/code_<version>.json`.

Pure Python, so that importers and tests can use the Code without a database. The database
copy (CodeVersion, Section, Provision) is loaded from the same files by a data migration.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
VERSIONS = ("2024", "2022", "2020")
CURRENT = "2024"


@cache
def load(version: str) -> dict:
    if version not in VERSIONS:
        raise KeyError(f"no Complaint Handling Code version {version!r}")
    return json.loads((DATA / f"code_{version}.json").read_text(encoding="utf-8"))


class _Codes(dict):
    def __missing__(self, version):
        self[version] = load(version)
        return self[version]

    def items(self):
        return [(version, self[version]) for version in VERSIONS]


CODES = _Codes()


def provisions(version: str) -> list[dict]:
    """Every provision of a version, in the Code's order, with its section."""
    return [
        {**provision, "section": section["number"], "section_title": section["title"]}
        for section in load(version)["sections"]
        for provision in section["provisions"]
    ]


def provision_refs(version: str) -> list[str]:
    return [provision["ref"] for provision in provisions(version)]


def provision(version: str, ref: str) -> dict | None:
    return next((p for p in provisions(version) if p["ref"] == ref), None)
