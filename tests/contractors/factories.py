"""Contractors, their part on a case and requests, made through the services."""

import datetime as dt

from putright.contractors import services
from tests.factories import log_complaint


def contractor(officer, name="Riverside Repairs Ltd", service="Responsive repairs"):
    """The contractor of that name, added to the register through the service if it is not."""
    from putright.contractors.models import Contractor

    found = Contractor.objects.filter(name=name).first()
    return found or services.contractor_add(
        user=officer, name=name, service=service, contact="01632 1"
    )


def request_for(officer, *, complaint=None, firm=None, sent_on, due_on, answered_on=None):
    complaint = complaint or log_complaint(user=officer, received_on=sent_on)
    firm = firm or contractor(officer)
    request = services.information_request_send(
        user=officer,
        complaint=complaint,
        contractor=firm,
        description="Your job sheets for the repair.",
        sent_on=sent_on,
        due_on=due_on,
    )
    if answered_on is not None:
        request = services.information_request_answer(
            user=officer, request=request, answered_on=answered_on, answer="Sent by e-mail."
        )
    return request


D = dt.date
