from django import template

from putright.landlord.selectors import landlord_settings

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
