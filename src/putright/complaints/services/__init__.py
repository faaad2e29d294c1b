"""Every write to a complaint. The API, the web UI, the CLI and the demo all call these.

One module per use case; the Code's rules they check live in `putright.rules`, beside the
measures that evidence them. Each service runs in one transaction, checks the user may act,
checks the rules (raising RuleBroken with the provision) and the input (raising InvalidInput
naming the field), changes the case and records an append-only event. A refused request changes
nothing.
"""

from putright.complaints.services.amend import (
    definition_amend,
    remedy_amend,
    response_amend,
)
from putright.complaints.services.ending import (
    complaint_close,
    complaint_refuse,
    complaint_withdraw,
)
from putright.complaints.services.intake import complaint_assign, complaint_log
from putright.complaints.services.panels import panel_record
from putright.complaints.services.recalculate import deadlines_recalculate
from putright.complaints.services.record import attachment_add, note_add
from putright.complaints.services.remedies import (
    action_add,
    action_complete,
    remedy_complete,
    remedy_offer,
)
from putright.complaints.services.service_requests import (
    complaint_raise_from_service_request,
    service_request_complete,
    service_request_log,
)
from putright.complaints.services.stages import (
    complaint_acknowledge,
    complaint_escalate,
    complaint_extend,
    complaint_respond,
)
from putright.complaints.services.tracking import tracking_link_revoke
from putright.rules.access import user_can_act_on

__all__ = [
    "action_add",
    "action_complete",
    "attachment_add",
    "complaint_acknowledge",
    "complaint_assign",
    "complaint_close",
    "complaint_escalate",
    "complaint_extend",
    "complaint_log",
    "complaint_raise_from_service_request",
    "complaint_refuse",
    "complaint_respond",
    "complaint_withdraw",
    "deadlines_recalculate",
    "definition_amend",
    "note_add",
    "panel_record",
    "remedy_amend",
    "remedy_complete",
    "remedy_offer",
    "response_amend",
    "service_request_complete",
    "service_request_log",
    "tracking_link_revoke",
    "user_can_act_on",
]
