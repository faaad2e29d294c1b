from decimal import Decimal

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


@register.filter
def is_figure(value) -> bool:
    """A number (not a yes/no): set right-aligned in tables so that digits line up."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


@register.filter
def figure(value):
    """A number for people: thousands separated, money to the penny ("11,000.00")."""
    if not is_figure(value):
        return value
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    return f"{value:,}"


@register.simple_tag
def phone_link(number):
    """A phone number residents can tap to call (review finding R7)."""
    import re

    from django.utils.html import format_html

    number = str(number or "").strip()
    digits = re.sub(r"[^\d+]", "", number)
    if not digits:
        return number
    return format_html('<a href="tel:{}" class="pr-nowrap">{}</a>', digits, number)


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


@register.filter
def band_range(band):
    """A compensation band's amounts, as the guide states them (7.4)."""
    from putright.rules.compensation import describe

    return describe(band)
