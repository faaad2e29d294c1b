from django import template

from putright.landlord.selectors import landlord_settings
from putright.people.selectors import contact_details_visible
from putright.web.navigation import current, nav_links

register = template.Library()


@register.simple_tag
def landlord_details():
    """The landlord's settings: its name, complaints contacts, policy and the Ombudsman's
    details (3.4, 3.7)."""
    return landlord_settings()


@register.filter
def working_days(value):
    if value is None:
        return ""
    if value < 0:
        return f"{-value} working day{'s' if value != -1 else ''} overdue"
    if value == 0:
        return "due today"
    return f"{value} working day{'s' if value != 1 else ''} left"


@register.inclusion_tag("web/includes/contact_details.html", takes_context=True)
def resident_contact(context, person, layout="lines"):
    """A resident's (or representative's) address, e-mail and phone, for the roles that see
    them (PUTRIGHT_CONTACT_DETAILS_ROLES) and a plain line saying they are withheld for the
    others. `layout`: "lines" inside a summary value, "rows" as summary-list rows."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return {
        "person": person,
        "layout": layout,
        "visible": contact_details_visible(user),
    }


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """(link, is_current) for each page the signed-in user's role can use."""
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    return [(link, current(link, match)) for link in nav_links(request.user)]
