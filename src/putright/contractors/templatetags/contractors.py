"""The contractors panel on the case page: {% contractor_panel complaint can_act %}."""

from django import template

from putright import dates
from putright.contractors import selectors

register = template.Library()


@register.inclusion_tag("contractors/_case_panel.html")
def contractor_panel(complaint, can_act=False):
    by_remedy = selectors.remedy_contractors(complaint)
    return {
        "complaint": complaint,
        "can_act": can_act,
        "today": dates.today(),
        "named": selectors.contractors_named_on(complaint),
        "requests": selectors.requests_on(complaint),
        "remedies": [(r, by_remedy.get(r.pk)) for r in complaint.remedies.all()],
    }
