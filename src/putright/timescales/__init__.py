"""Working days and the Code's deadline rules. Pure Python: no Django imports here.

`calendar` knows which days are working days in England; `code` holds the Complaint Handling
Code's timescales for each version as data; `deadlines` combines them into due dates.
"""

from putright.timescales.calendar import WorkingDayCalendar, add_working_days, working_days_between
from putright.timescales.code import (
    CODE_VERSIONS,
    CodeTimescales,
    StageTimescales,
    code_version_on,
    timescales_for,
)

__all__ = [
    "CODE_VERSIONS",
    "CodeTimescales",
    "StageTimescales",
    "WorkingDayCalendar",
    "add_working_days",
    "code_version_on",
    "timescales_for",
    "working_days_between",
]
