"""The demo's stage 2 decisions and panels (3.6, 6.20) and its financial remedies chosen from
the compensation guide (7.4). Decided while the demo plays, from the records so far, so that
the plan's random choices (and every other demo figure) stay as they were."""

from __future__ import annotations

from decimal import Decimal

from putright.complaints.models import CompensationBand
from putright.complaints.services import panel_record
from putright.rules import compensation, independence

DECIDER = "martin"  # the demo landlord's stage 2 decisions are the manager's (6.20)
DISTRESS = "Distress and inconvenience"
OUTSIDE_REASON = (
    "The resident is disabled and the delay kept her from using her bathroom for weeks; the "
    "guide's band for minor impact does not reflect that."
)
PANEL_MEMBERS = ["Martin Marsh, Repairs Manager", "Ruth Adeyemi, resident panel member"]
ACCOMPANIED = ["Her daughter", "", "An advocate from the Citizens Advice service"]


class Stage2:
    def __init__(self, users):
        # A database emptied since it was migrated still gets the guide's default bands.
        compensation.ensure_default_bands(CompensationBand)
        self.users = users
        self.panels = 0
        self.outside_given = False

    def decision_maker(self, complaint):
        """The manager, unless they were involved at stage 1 (6.13): then the handler decides,
        which the 6.20 figure shows as not met."""
        manager = self.users[DECIDER]
        return None if manager.pk in independence.stage1_people(complaint) else manager

    def panel(self, user, complaint, on) -> None:
        """Every other stage 2 response follows a panel held that day."""
        self.panels += 1
        if self.panels % 2:
            return
        accompanied = ACCOMPANIED[(self.panels // 2) % len(ACCOMPANIED)]
        attended = self.panels % 6 != 0
        panel_record(
            user=user,
            complaint=complaint,
            held_on=on,
            members=[*PANEL_MEMBERS, user.get_full_name() or user.username],
            resident_attended=attended,
            accompanied_by=accompanied if attended else "",
        )

    def from_guide(self, remedies: list[dict]) -> list[dict]:
        """Each payment with its band of distress and inconvenience; the first over £100 is
        offered from the minor band with the reason for going beyond it (7.4)."""
        bands = list(
            CompensationBand.objects.filter(failure=DISTRESS, active=True).order_by("minimum")
        )
        chosen = []
        for remedy in remedies:
            amount = remedy.get("amount")
            if remedy["type"] != "financial" or amount is None or not bands:
                chosen.append(remedy)
                continue
            amount = Decimal(str(amount))
            if not self.outside_given and amount > bands[0].maximum:
                self.outside_given = True
                chosen.append(
                    {**remedy, "band": bands[0].pk, "outside_guide_reason": OUTSIDE_REASON}
                )
                continue
            band = next((b for b in bands if compensation.within(amount, b, None)), None)
            chosen.append({**remedy, "band": band.pk} if band else remedy)
        return chosen
