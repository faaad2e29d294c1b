from django.core.exceptions import ValidationError
from django.db import models

from putright import dates
from putright.timescales.code import code_version_on, timescales_for

# In English whatever the machine's locale, so that the field's choices never change.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class LandlordSettings(models.Model):
    """The landlord's own settings: one row (pk=1)."""

    name = models.CharField(max_length=200, default="Example Housing Association")
    address = models.TextField(blank=True, default="1 High Street\nExampletown\nEX1 1AA")
    complaints_email = models.EmailField(default="complaints@landlord.example")
    complaints_phone = models.CharField(max_length=40, default="0300 000 0000")
    complaints_policy_url = models.URLField(
        blank=True, default="https://landlord.example/complaints-policy"
    )
    # Internal targets shorter than the Code's, tracked beside the statutory deadlines.
    internal_stage1_acknowledge_days = models.PositiveSmallIntegerField(null=True, blank=True)
    internal_stage1_respond_days = models.PositiveSmallIntegerField(null=True, blank=True)
    internal_stage2_acknowledge_days = models.PositiveSmallIntegerField(null=True, blank=True)
    internal_stage2_respond_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # The Housing Ombudsman's contact details, given in letters (5.8, 6.5, 6.16, 6.19).
    ombudsman_name = models.CharField(max_length=200, default="Housing Ombudsman Service")
    ombudsman_address = models.TextField(default="PO Box 1484\nUnit D\nPreston\nPR2 0ET")
    ombudsman_phone = models.CharField(max_length=40, default="0300 111 3000")
    ombudsman_email = models.EmailField(default="info@housing-ombudsman.org.uk")
    ombudsman_website = models.URLField(default="https://www.housing-ombudsman.org.uk")
    # Retention of closed cases before anonymisation (UK GDPR storage limitation).
    retention_years = models.PositiveSmallIntegerField(default=6)
    # The landlord's window for asking for stage 2 after the stage 1 response, in working days
    # (None: no window). A later request is still recorded, and may be refused on that ground
    # with a letter giving the Ombudsman's details (5.11, 2.4).
    escalation_window_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # Reviews kept active (5.10, 5.14): the longest a review of an adjustment or a restriction
    # may be set ahead of the day it is agreed or last reviewed, in calendar days.
    adjustment_review_max_days = models.PositiveSmallIntegerField(default=366)
    restriction_review_max_days = models.PositiveSmallIntegerField(default=183)
    # Service requests are monitored and reviewed (1.4): one still open this many working days
    # after it was received is listed for review and counted against 1.4.
    service_request_review_days = models.PositiveSmallIntegerField(default=20)
    # The last month of the landlord's financial year (its last day ends the year): a landlord
    # with fewer than 1,000 homes sends the Ombudsman its annual submission within six months
    # of it (rules.submission).
    financial_year_end = models.PositiveSmallIntegerField(
        choices=list(enumerate(MONTHS, start=1)),
        default=3,
        help_text="The month the financial year ends in (it ends on that month's last day).",
    )

    class Meta:
        verbose_name = "landlord settings"
        verbose_name_plural = "landlord settings"

    def __str__(self):
        return self.name

    def clean(self):
        # The limits are the Code's own timescales (the version in force now), read from the
        # timescales data rather than repeated here.
        code = timescales_for(code_version_on(dates.today()))
        pairs = []
        for stage in code.stages if code else ():
            pairs += [
                (
                    f"internal_stage{stage.stage}_acknowledge_days",
                    stage.acknowledge_days,
                    stage.acknowledge_provision,
                ),
                (
                    f"internal_stage{stage.stage}_respond_days",
                    stage.respond_days,
                    stage.respond_provision,
                ),
            ]
        errors = {}
        for field, limit, provision in pairs:
            value = getattr(self, field)
            if value is not None and limit is not None and value > limit:
                errors[field] = (
                    f"An internal target must not be longer than the Code's {limit} working "
                    f"days ({provision}); it is tracked beside the statutory deadline."
                )
        for field in ("adjustment_review_max_days", "restriction_review_max_days"):
            if not 1 <= (getattr(self, field) or 0) <= 1096:
                errors[field] = "Enter a number of days from 1 to 1096 (three years)."
        if not 1 <= (self.service_request_review_days or 0) <= 260:
            errors["service_request_review_days"] = (
                "Enter a number of working days from 1 to 260 (a year)."
            )
        if errors:
            raise ValidationError(errors)


class ClosureDay(models.Model):
    """A day the landlord is closed (besides bank holidays), not counted as a working day."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.date}: {self.reason}"


class HomesOwned(models.Model):
    """Homes owned for a reporting year (1 April to 31 March), for the TSM CH01 rate."""

    reporting_year = models.PositiveSmallIntegerField(
        unique=True,
        help_text="The year the reporting year starts (2025 = April 2025 to March 2026).",
    )
    homes = models.PositiveIntegerField()
    # The same homes split by stock, for CH01 per tenure (blank: not split). The total above
    # stays the one CH01 is reported on.
    homes_lcra = models.PositiveIntegerField(
        null=True, blank=True, help_text="Low cost rental accommodation (LCRA) homes."
    )
    homes_lcho = models.PositiveIntegerField(
        null=True, blank=True, help_text="Low cost home ownership (LCHO) homes."
    )

    class Meta:
        ordering = ["-reporting_year"]

    def clean(self):
        parts = [n for n in (self.homes_lcra, self.homes_lcho) if n is not None]
        if self.homes is not None and sum(parts) > self.homes:
            raise ValidationError(
                {"homes_lcra": "The homes per tenure cannot add up to more than the total."}
            )

    def homes_for(self, tenure: str) -> int | None:
        return {"lcra": self.homes_lcra, "lcho": self.homes_lcho}.get(tenure)
