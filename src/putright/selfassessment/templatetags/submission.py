"""The annual submission's due date on the officer's home, in the months before it."""

from django import template

from putright import dates

register = template.Library()


@register.simple_tag
def submission_due():
    """The submission pack while the home shows it (rules.submission), else None."""
    from putright.selfassessment.submission import pack

    today = dates.today()
    current = pack(today, with_answers=False)
    return current if current.shown_on(today) else None
