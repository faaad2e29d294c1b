"""The Complaint Handling Code's timescales, one entry per Code version, as data.

Each complaint records the version in force on the day it was received; its deadlines follow
that version for its whole life.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class StageTimescales:
    stage: int
    acknowledge_days: int  # working days from receipt or escalation request
    acknowledge_provision: str
    respond_days: int  # working days from acknowledgement
    respond_provision: str
    extension_limit_days: int  # total extension allowed without a good reason
    extension_provision: str
    extension_notice_provision: str  # the resident is told, with the Ombudsman's details


@dataclass(frozen=True)
class CodeTimescales:
    version: str
    in_force_from: dt.date
    statutory: bool
    stages: tuple[StageTimescales, StageTimescales]

    def stage(self, number: int) -> StageTimescales:
        for stage in self.stages:
            if stage.stage == number:
                return stage
        raise ValueError(f"the Code has no stage {number}")


CODE_VERSIONS: dict[str, CodeTimescales] = {
    # The statutory Code, from 1 April 2024.
    "2024": CodeTimescales(
        version="2024",
        in_force_from=dt.date(2024, 4, 1),
        statutory=True,
        stages=(
            StageTimescales(1, 5, "6.2", 10, "6.3", 10, "6.4", "6.5"),
            StageTimescales(2, 5, "6.11", 20, "6.14", 20, "6.15", "6.16"),
        ),
    ),
    # The 2022 Code (April 2022 to March 2024): same working-day timescales, with stage 2
    # extensions of up to 10 working days; provision numbers are that Code's own.
    "2022": CodeTimescales(
        version="2022",
        in_force_from=dt.date(2022, 4, 1),
        statutory=False,
        stages=(
            StageTimescales(1, 5, "4.4", 10, "5.6", 10, "5.6", "5.6"),
            StageTimescales(2, 5, "5.12", 20, "5.13", 10, "5.13", "5.13"),
        ),
    ),
    # The 2020 Code (July 2020 to March 2022).
    "2020": CodeTimescales(
        version="2020",
        in_force_from=dt.date(2020, 7, 1),
        statutory=False,
        stages=(
            StageTimescales(1, 5, "3.1", 10, "5.5", 10, "5.5", "5.5"),
            StageTimescales(2, 5, "5.7", 20, "5.8", 10, "5.8", "5.8"),
        ),
    ),
}


def code_version_on(day: dt.date) -> str:
    """The Code version in force on `day` (the earliest version for days before it)."""
    in_force = sorted(CODE_VERSIONS.values(), key=lambda code: code.in_force_from)
    chosen = in_force[0]
    for code in in_force:
        if code.in_force_from <= day:
            chosen = code
    return chosen.version


def timescales_for(version: str) -> CodeTimescales:
    try:
        return CODE_VERSIONS[version]
    except KeyError:
        raise ValueError(f"unknown Code version {version!r}") from None
