"""Residents' contact details in API answers, for the roles that see them (UX review G4): the
same rule as the web's `resident_contact` tag, `people.selectors.contact_details_visible`
(PUTRIGHT_CONTACT_DETAILS_ROLES). Other roles get the fields as null, so that a client can tell
"withheld" from "not known" only by asking its own role, and the schema says they can be null."""

from __future__ import annotations

from putright.people.selectors import contact_details_visible

CONTACT_FIELDS = ("email", "phone", "address")
NULLABLE = {name: {"allow_null": True} for name in CONTACT_FIELDS}


class WithholdsContactDetails:
    """A serializer mixin. Without a request in its context nothing is shown: safe by default."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if not contact_details_visible(getattr(request, "user", None)):
            for name in CONTACT_FIELDS:
                if name in data:
                    data[name] = None
        return data
