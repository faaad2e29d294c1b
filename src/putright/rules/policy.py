"""3.4: the complaints policy is available in a clear and accessible format and published on the
landlord's website.

Putright does not hold the policy text; it holds the address where the landlord publishes it
(`LandlordSettings.complaints_policy_url`), links it from every public page and from letters, and
counts it as evidence. With no address, residents using Putright's pages cannot find the policy:
the measure fails.
"""

from __future__ import annotations

from putright.rules.figures import Figure

MEASURE = "The complaints policy published, linked from the public pages and letters"


def published_measure() -> Figure:
    from putright.landlord.selectors import landlord_settings

    figure = Figure("3.4", MEASURE)
    figure.add(bool(landlord_settings().complaints_policy_url), "no complaints policy address")
    return figure
