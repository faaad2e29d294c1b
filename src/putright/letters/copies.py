"""Copies of letters for the resident's representative, when the resident asks for them (3.6).

Each issued letter records on itself who else it went to (`Letter.copies`). A copy goes the way
the letter goes where it can: by e-mail (copied on the same message) when the letter is e-mailed
and the representative has an address, otherwise by post to the representative's postal
address, marked for post with the letter. A representative with neither is refused before the
letter is issued, so that no letter goes without the copy the resident asked for."""

from __future__ import annotations

from putright.errors import InvalidInput
from putright.letters.models import Delivery


def _copy(representative, delivery: str) -> dict:
    if delivery == Delivery.EMAIL and representative.email:
        how, recipient = Delivery.EMAIL, representative.email
    elif representative.address:
        how, recipient = Delivery.POST, representative.address
    else:
        raise InvalidInput(
            {
                "delivery": (
                    "The resident asked for copies to go to their representative, who has no "
                    "postal address: send the letter by e-mail, or, if the resident agrees, stop "
                    "the copies on the representative's page."
                )
            }
        )
    return {
        "to": "representative",
        "name": representative.name,
        "relationship": representative.relationship,
        "delivery": str(how),
        "recipient": recipient,
    }


def copies_for(complaint, delivery: str) -> list[dict]:
    representative = complaint.representative
    if representative is None or not representative.wants_copies:
        return []
    return [_copy(representative, delivery)]


def email_copies(letter) -> list[str]:
    return [c["recipient"] for c in letter.copies if c.get("delivery") == Delivery.EMAIL]


def for_post(complaint, copies: list[dict]) -> list[dict]:
    """The copies when the letter is switched to post: e-mailed copies go by post too."""
    if not copies:
        return copies
    return copies_for(complaint, Delivery.POST)
