"""What the staff home shows of the surveys: the dissatisfied comments waiting for a follow-up,
for those who record them (None for anyone else, so the card is not shown)."""

from putright.surveys import permissions, selectors


def survey_follow_up_count(user) -> int | None:
    if not permissions.can_record_surveys(user):
        return None
    return selectors.follow_up_count()


def flag_follow_up_count(user) -> int | None:
    """The messages the detector heard as dissatisfied (insight), waiting for the same staff."""
    if not permissions.can_record_surveys(user):
        return None
    from putright.rules.dissatisfaction import flags_waiting

    return flags_waiting().count()
