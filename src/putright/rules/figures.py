"""The shape every measure answers in, whichever page or report shows it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A complaint's reference (complaints.services.intake): the breaches that are cases, which pages
# link, beside the ones that are other records ("adjustment 12", "no complaints officer").
COMPLAINT_REFERENCE = re.compile(r"CMP-\d{6,}")


@dataclass
class Figure:
    """A measure over a period: how many cases met the provision, of how many judged, and the
    cases behind each breach. `pending` are not yet due, so not judged. `enforced` says when
    Putright refuses a breach outright, so that the figure can only fail for records made before
    the rule or imported from elsewhere."""

    ref: str
    measure: str
    met: int = 0
    total: int = 0
    breaches: list[str] = field(default_factory=list)  # complaint references, sorted
    pending: int = 0
    # Why a breach is one beyond lateness, by reference: "backdated" (entered after the
    # deadline it claims to have met).
    flags: dict[str, str] = field(default_factory=dict)
    enforced: str = ""
    # What `breaches` names: "complaints" (references, linked to the case) or "staff"
    # (usernames, for a measure of people rather than cases, such as training).

    @property
    def percent(self) -> float | None:
        return round(100 * self.met / self.total, 1) if self.total else None

    @property
    def breached_cases(self) -> list[str]:
        return [b for b in self.breaches if COMPLAINT_REFERENCE.fullmatch(b)]

    @property
    def breached_records(self) -> list[str]:
        return [b for b in self.breaches if not COMPLAINT_REFERENCE.fullmatch(b)]

    @property
    def proposed(self) -> str | None:
        """ "no" when every case counted breached the provision, "partly" when some did; no
        proposal when the records show no breach (the landlord's own evidence decides)."""
        if not self.breaches:
            return None
        return "no" if self.met == 0 else "partly"

    @property
    def summary(self) -> str:
        if not self.total:
            text = f"{self.measure}: no cases in the period."
        else:
            text = f"{self.measure}: {self.met} of {self.total} ({self.percent:g}%)."
        if self.breaches:
            named = [
                f"{ref} ({self.flags[ref]})" if ref in self.flags else ref for ref in self.breaches
            ]
            text += f" Not met: {', '.join(named)}."
        if self.enforced:
            text += f" {self.enforced}"
        return text

    def add(self, ok: bool, reference: str, flag: str = "") -> None:
        self.total += 1
        if ok:
            self.met += 1
            return
        if reference not in self.breaches:
            self.breaches.append(reference)
        if flag:
            self.flags[reference] = flag

    def as_dict(self) -> dict:
        return {
            "ref": self.ref,
            "measure": self.measure,
            "met": self.met,
            "total": self.total,
            "percent": self.percent,
            "pending": self.pending,
            "breaches": self.breaches,
            "flags": self.flags,
            "proposed": self.proposed,
            "enforced": self.enforced,
            "summary": self.summary,
        }


ENFORCED = "Enforced: Putright refuses a breach, so only records from before the rule can fail it."
