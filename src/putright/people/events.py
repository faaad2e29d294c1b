"""Timeline event types written by the people app (through putright.complaints.events.record)."""


class PeopleEventType:
    ADJUSTMENT_AGREED = "adjustment_agreed"
    ADJUSTMENT_REVIEWED = "adjustment_reviewed"
    RESTRICTION_IMPOSED = "restriction_imposed"
    RESTRICTION_REVIEWED = "restriction_reviewed"
    RESTRICTION_LIFTED = "restriction_lifted"
    VULNERABILITY_FLAGGED = "vulnerability_flagged"
    VULNERABILITY_CLEARED = "vulnerability_cleared"
    UPDATE_INTERVAL_AGREED = "update_interval_agreed"
    RESIDENT_UPDATED = "resident_updated"
    SUBJECT_ACCESS_EXPORTED = "subject_access_exported"
    RESIDENT_ANONYMISED = "resident_anonymised"
    RESIDENT_MERGED = "resident_merged"
    REPRESENTATIVE_CONSENT_RECORDED = "representative_consent_recorded"
    REPRESENTATIVE_COPIES_CHANGED = "representative_copies_changed"
