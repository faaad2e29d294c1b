"""Template tags: the exceptional-circumstances banner on the public pages (8.5), the mark on a
complaint received during an incident, and the 8.3 prompt for a new self-assessment."""

from django import template

from putright import dates
from putright.rules import continuity, reassessment

register = template.Library()


@register.simple_tag(takes_context=True)
def incident_notice(context):
    """The incident whose published notice the public pages show today, or None."""
    return continuity.public_notice(dates.today())


@register.simple_tag(takes_context=True)
def incident_spans(context):
    """Every incident's dates, fetched once per request however many tables mark complaints."""
    request = context.get("request")
    cached = getattr(request, "_incident_spans", None) if request is not None else None
    if cached is None:
        cached = continuity.spans()
        if request is not None:
            request._incident_spans = cached
    return cached


@register.simple_tag
def incident_covering(day, spans):
    """The incident a complaint received on `day` was received during, or None."""
    return continuity.covering(day, spans) if spans else None


@register.simple_tag
def reassessment_due():
    """The organisational change a new self-assessment is due after (8.3), or None."""
    return reassessment.due()


@register.simple_tag
def review_due():
    """The Ombudsman case whose determination asked for the self-assessment to be reviewed (8.4),
    while no self-assessment has been started since, or None."""
    return reassessment.review_due()
