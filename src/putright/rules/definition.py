"""5.6, 5.7 (2022 Code 4.2, 5.10): the complaint definition.

Acknowledging sets out the landlord's understanding of the complaint and the outcomes the
resident wants (5.6) and what the landlord is, and is not, responsible for (5.7): all four are
required. A definition, a response's reasons or a remedy can be corrected later, but only by an
amendment that keeps both versions in the record, never by editing in place.
"""

from __future__ import annotations

from putright.errors import InvalidInput, collect_errors

FIELDS = {
    "understanding": ("5.6", "Set out your understanding of the complaint (5.6)."),
    "outcomes_sought": ("5.6", "Set out the outcomes the resident wants (5.6)."),
    "responsible_for": ("5.7", "Say what the landlord is responsible for in this complaint (5.7)."),
    "not_responsible_for": (
        "5.7",
        "Say what the landlord is not responsible for, or that there is nothing outside its "
        "responsibility (5.7).",
    ),
}
MAX_LENGTH = 10_000


def _text(field: str, value, message: str) -> str:
    text = (value if isinstance(value, str) else "").strip()
    if not text:
        raise InvalidInput({f"definition.{field}": message})
    if len(text) > MAX_LENGTH:
        raise InvalidInput({f"definition.{field}": f"At most {MAX_LENGTH} characters."})
    return text


def clean(definition, *, partial: bool = False) -> dict[str, str]:
    """The four parts of the definition, each required (or, for an amendment, each given one)."""
    definition = definition if isinstance(definition, dict) else {}
    fields = [f for f in FIELDS if not partial or f in definition]
    if partial and not fields:
        raise InvalidInput({"definition": "Give at least one part of the definition to amend."})
    values = collect_errors(
        *[(lambda f=f: _text(f, definition.get(f), FIELDS[f][1])) for f in fields]
    )
    return dict(zip(fields, values, strict=True))
