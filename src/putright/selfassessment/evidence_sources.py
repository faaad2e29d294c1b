"""Where the evidence for each provision of the 2024 Code comes from (issue 13, item 3).

Every provision has exactly one kind of source:
- LIVE: a figure Putright computes from its own records (a measure in `putright.rules`), shown
  with the cases or records behind any breach; `tests/rules/test_every_figure_can_fail.py`
  builds a breach of each one;
- RECORD: a rule Putright enforces, so the evidence is the record it keeps (the rule refuses the
  breach) or a register or document stored in Putright;
- POLICY: a matter for the landlord's complaints policy, which the answer cites by section.

The self-assessment's answer page shows the source beside the Code's text, so the person
answering knows what to rely on; docs/compliance.md gives each provision the same status, and
a test holds the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

LIVE, RECORD, POLICY = "live", "record", "policy"


@dataclass(frozen=True)
class Source:
    kind: str
    what: str

    @property
    def heading(self) -> str:
        return {
            LIVE: "Putright's live figure",
            RECORD: "Putright's record (the rule is enforced)",
            POLICY: "A policy matter",
        }[self.kind]


def _live(what: str) -> Source:
    return Source(LIVE, what)


def _record(what: str) -> Source:
    return Source(RECORD, what)


def _policy(section: str) -> Source:
    return Source(
        POLICY,
        f"Cite the section of the complaints policy that {section}, with the address where the "
        "policy is published.",
    )


SOURCES_2024: dict[str, Source] = {
    "1.2": _policy("adopts the Ombudsman's definition of a complaint, including group complaints"),
    "1.3": _live("dissatisfied survey comments and e-mails followed up with the offer to complain"),
    "1.4": _live("service requests reviewed before they have been open too long"),
    "1.5": _live("service requests heard as dissatisfied followed up with the offer to complain"),
    "1.6": _live("dissatisfied survey comments told how to complain"),
    "2.1": _live("refusals with the reason evidenced"),
    "2.2": _policy("sets out the exclusions"),
    "2.3": _record("a complaint over 12 months old is refused without the discretion recorded"),
    "2.4": _live("refusals explained in writing with the right to go to the Ombudsman"),
    "2.5": _record("every refusal is one decision on one complaint, with its own reason"),
    "3.1": _policy("sets out the channels and the reasonable adjustments offered"),
    "3.2": _live("staff who handle cases have had complaints awareness training"),
    "3.3": _policy("welcomes complaints as intelligence, whatever their volume"),
    "3.4": _live("the complaints policy's published address, linked from every public page"),
    "3.5": _policy("says how the landlord publicises the policy, the Ombudsman and the Code"),
    "3.6": _live("complaints made through a representative with the resident's consent recorded"),
    "3.7": _record("every response and refusal letter carries the Ombudsman's details"),
    "4.1": _live("an active complaints officer"),
    "4.2": _policy("gives the complaints officer access to staff and authority to resolve"),
    "4.3": _live("staff who handle cases trained in complaint handling"),
    "5.1": _policy("is the single complaints policy"),
    "5.2": _record("Putright has the two stages only, with no stage 0 or informal stage"),
    "5.3": _record("a third stage cannot be opened"),
    "5.4": _record("a contractor's part is recorded on the landlord's one two-stage case"),
    "5.5": _live("contractors' evidence requests answered by the date asked"),
    "5.6": _record("no acknowledgement or response without the complaint definition"),
    "5.7": _record("no acknowledgement without saying what the landlord is responsible for"),
    "5.8": _policy("sets out fair, independent investigation and conflicts of interest"),
    "5.9": _live("update intervals agreed whenever a response is extended or late"),
    "5.10": _live("reasonable adjustments reviewed by their review date"),
    "5.11": _live("refusals to escalate explained in writing"),
    "5.12": _record("the case record is append-only: every change is an audited event"),
    "5.13": _policy("allows a complaint to be put right at any stage"),
    "5.14": _live("contact restrictions reviewed by their review date"),
    "5.15": _record("no contact restriction without the Equality Act considered"),
    "6.1": _policy("decides which complaints are answered early and which investigated"),
    "6.2": _live("stage 1 acknowledged within 5 working days"),
    "6.3": _live("stage 1 answered within 10 working days of acknowledgement"),
    "6.4": _live("stage 1 extensions within 10 working days or with a good reason"),
    "6.5": _live("stage 1 extensions told with the Ombudsman's details"),
    "6.6": _live("stage 1 actions done by the date promised"),
    "6.7": _live("response letters signed off by someone other than their author"),
    "6.8": _record("a related issue joins the open case, or a new complaint is logged"),
    "6.9": _live("stage 1 responses with a complete response letter issued"),
    "6.10": _record("a complaint not resolved at stage 1 can always be escalated"),
    "6.11": _live("stage 2 acknowledged within 5 working days"),
    "6.12": _record("stage 2 is opened without asking the resident for a reason"),
    "6.13": _live("stage 2 considered by someone not involved at stage 1"),
    "6.14": _live("stage 2 answered within 20 working days of acknowledgement"),
    "6.15": _live("stage 2 extensions within 20 working days or with a good reason"),
    "6.16": _live("stage 2 extensions told with the Ombudsman's details"),
    "6.17": _live("stage 2 actions done by the date promised"),
    "6.18": _record("a stage 2 response needs a decision and reasons"),
    "6.19": _live("stage 2 responses with a complete response letter issued"),
    "6.20": _live("stage 2 responses decided by a manager or the complaints officer"),
    "7.1": _record("remedies recorded by the Code's kinds with what will be done and by when"),
    "7.2": _policy("makes remedies reflect the impact on the resident"),
    "7.3": _live("remedies done by the date promised"),
    "7.4": _live("payments within the compensation guide's band, or with a reason"),
    "8.1": _record("the annual report cannot be published without items a to f"),
    "8.2": _record("the annual report is published with the governing body's response"),
    "8.3": _live("organisational changes followed by a new self-assessment"),
    "8.4": _live("the Ombudsman's requests to review the self-assessment acted on"),
    "8.5": _live("exceptional circumstances told to the Ombudsman and published"),
    "9.1": _live("upheld complaints with a lesson learned"),
    "9.2": _policy("uses complaints as intelligence to improve services"),
    "9.3": _live("governing body meetings that received a complaints report"),
    "9.4": _live("the senior lead for complaints named"),
    "9.5": _live("the Member Responsible for Complaints named"),
    "9.6": _live("quarters in which the governing body received a complaints report"),
    "9.7": _live("Ombudsman determinations reported to the governing body's next meeting"),
    "9.8": _policy("sets a complaint handling objective for staff and third parties"),
}


def source_for(code_version: str, ref: str) -> Source | None:
    """The source for a provision, for the 2024 Code (the other versions' forms predate
    Putright's figures: the landlord's own evidence answers them)."""
    if code_version != "2024":
        return None
    return SOURCES_2024.get(ref)


def live_provisions() -> set[str]:
    return {ref for ref, source in SOURCES_2024.items() if source.kind == LIVE}
