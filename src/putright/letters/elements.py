"""What each kind of letter must say, as data: the element, the Code provision that requires it,
where it comes from in the case, and how to see it in the rendered letter.

An element is checked twice before a letter is issued: the case must hold it (a stage 1 response
cannot give a decision nobody has recorded) and the letter must say it (a handler's edit cannot
drop it). Pure Python over the plain dict from `putright.letters.context`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import StrEnum

from putright.letters.models import LetterKind


class Need(StrEnum):
    ALL = "all"  # every source
    ANY = "any"  # at least one source


@dataclass(frozen=True)
class Element:
    key: str
    name: str  # in the Code's words
    provision: str
    stage2_provision: str | None = None
    # Dotted paths into the context; a path through a list ("remedies.description") yields each.
    sources: tuple[str, ...] = ()
    case_needs: Need = Need.ALL
    letter_needs: Need = Need.ALL
    # When the case has nothing under the sources there is nothing to say (no remedy offered).
    optional: bool = False
    # Words the letter must use besides the case's values (case-insensitive).
    wording: tuple[str, ...] = ()

    def provision_for(self, stage: int) -> str:
        return self.stage2_provision if stage == 2 and self.stage2_provision else self.provision


@dataclass(frozen=True)
class Missing:
    element: Element
    provision: str
    where: str  # "case": not recorded on the case; "letter": the letter does not say it

    def describe(self) -> str:
        if self.where == "case":
            return f"{self.element.name} ({self.provision}) is not recorded on the case"
        return f"the letter does not give {self.element.name} ({self.provision})"


_DEFINITION = (
    Element(
        "understanding",
        "our understanding of the complaint (the complaint definition)",
        "5.6",
        sources=("stage.understanding",),
    ),
    Element(
        "outcomes_sought",
        "the outcomes the resident is seeking (the complaint definition)",
        "5.6",
        sources=("stage.outcomes_sought",),
    ),
)

_OMBUDSMAN_CONTACT = ("ombudsman.name", "ombudsman.phone", "ombudsman.website")


def _response(stage: int) -> tuple[Element, ...]:
    p = "6.9" if stage == 1 else "6.19"
    escalate = (
        Element(
            "how_to_escalate",
            "how to escalate the matter to stage 2",
            f"{p}g",
            sources=("landlord.complaints_email", "landlord.complaints_phone"),
            case_needs=Need.ANY,
            letter_needs=Need.ANY,
            wording=("stage 2",),
        )
        if stage == 1
        else Element(
            "how_to_escalate",
            "how to escalate the matter to the Housing Ombudsman",
            f"{p}g",
            sources=_OMBUDSMAN_CONTACT,
        )
    )
    return (
        Element("complaint_stage", "the complaint stage", f"{p}a", sources=("stage.name",)),
        Element(
            "understanding",
            "the complaint definition: our understanding of the complaint",
            f"{p}b",
            sources=("stage.understanding",),
        ),
        Element(
            "outcomes_sought",
            "the complaint definition: the outcomes the resident is seeking",
            f"{p}b",
            sources=("stage.outcomes_sought",),
        ),
        Element(
            "decision", "the decision on the complaint", f"{p}c", sources=("stage.decision_label",)
        ),
        Element("reasons", "the reasons for the decision", f"{p}d", sources=("stage.reasons",)),
        *(
            (
                Element(
                    "related_issues",
                    "each related issue added to the complaint before the response",
                    "6.8",
                    sources=("related_issues.description",),
                    optional=True,
                ),
            )
            if stage == 1
            else ()
        ),
        Element(
            "remedy",
            "the details of any remedy offered to put things right",
            f"{p}e",
            sources=("remedies.description",),
            optional=True,
        ),
        Element(
            "outstanding_actions",
            "the details of any outstanding actions",
            f"{p}f",
            sources=("actions.description",),
            optional=True,
        ),
        escalate,
    )


REQUIRED: dict[str, tuple[Element, ...]] = {
    LetterKind.ACKNOWLEDGEMENT: (
        *_DEFINITION,
        Element(
            "responsibilities",
            "what we are, and are not, responsible for",
            "5.7",
            sources=("stage.responsible_for", "stage.not_responsible_for"),
            case_needs=Need.ANY,
        ),
        Element("handler", "who is handling the complaint", "6.2", "6.11", ("stage.handler",)),
        Element("respond_by", "the date a response is due", "6.2", "6.11", ("stage.respond_by",)),
    ),
    LetterKind.EXTENSION: (
        Element(
            "extension_reason", "the reason for the extension", "6.4", "6.15", ("extension.reason",)
        ),
        Element(
            "extension_new_date",
            "the new date for the response",
            "6.4",
            "6.15",
            ("extension.new_date",),
        ),
        Element(
            "ombudsman_contact",
            "the Housing Ombudsman's contact details",
            "6.5",
            "6.16",
            _OMBUDSMAN_CONTACT,
        ),
    ),
    LetterKind.REFUSAL: (
        Element(
            "refusal_reasons",
            "the reasons the complaint is not accepted",
            "2.4",
            sources=("refusal.explanation",),
        ),
        Element(
            "ombudsman_right",
            "the right to take that decision to the Housing Ombudsman, with their contact details",
            "2.4",
            sources=_OMBUDSMAN_CONTACT,
        ),
    ),
    LetterKind.ESCALATION_REFUSAL: (
        Element(
            "refusal_reasons",
            "the reasons the complaint is not escalated to stage 2",
            "5.11",
            sources=("refusal.explanation",),
        ),
        Element(
            "ombudsman_right",
            "the right to take that decision to the Housing Ombudsman, with their contact details",
            "2.4",
            sources=_OMBUDSMAN_CONTACT,
        ),
    ),
    LetterKind.STAGE1_RESPONSE: _response(1),
    LetterKind.STAGE2_RESPONSE: _response(2),
}


def values_at(data, path: str) -> list[str]:
    """Every non-empty value at a dotted path; a list along the way yields each item's value."""
    current = [data]
    for part in path.split("."):
        following = []
        for item in current:
            if isinstance(item, list | tuple):
                following.extend(entry.get(part) for entry in item if isinstance(entry, dict))
            elif isinstance(item, dict):
                following.append(item.get(part))
        current = following
    flat = []
    for value in current:
        if isinstance(value, list | tuple):
            flat.extend(value)
        else:
            flat.append(value)
    return [str(v).strip() for v in flat if v not in (None, "") and str(v).strip()]


def normalise(text: str) -> str:
    text = html.unescape(text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def html_to_text(markup: str) -> str:
    without_tags = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", markup, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_tags))


def _case_has(element: Element, data: dict) -> tuple[bool, list[str]]:
    per_source = [values_at(data, path) for path in element.sources]
    found = [value for values in per_source for value in values]
    if element.optional and not found:
        return True, []
    if element.case_needs == Need.ANY:
        return bool(found), found
    return all(per_source), found


def _letter_says(element: Element, found: list[str], text: str) -> bool:
    said = [normalise(value) in text for value in found]
    if found and not (any(said) if element.letter_needs == Need.ANY else all(said)):
        return False
    return all(normalise(phrase) in text for phrase in element.wording)


def check(kind: str, stage: int, data: dict, letter_text: str) -> list[Missing]:
    """The required elements this letter lacks, in the order the Code lists them."""
    text = normalise(letter_text)
    missing = []
    for element in REQUIRED[LetterKind(kind)]:
        provision = element.provision_for(stage)
        on_case, found = _case_has(element, data)
        if not on_case:
            missing.append(Missing(element, provision, "case"))
        elif not _letter_says(element, found, text):
            missing.append(Missing(element, provision, "letter"))
    return missing
