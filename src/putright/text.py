"""What a person may type: how long, and which characters survive (security review, findings 4
and 18). One definition for the API's request bodies and the web's forms (putright.inputs), and
for the services that take text from elsewhere (letters, reports).

Two kinds of text:
- a **line** (a name, a reference, a phone number, a subject): at most `LINE` characters unless
  the field says fewer, on one line. Every control and invisible formatting character is
  removed, so that "Rosa\u202eetihW" cannot pose as another name in a list, a CSV or a letter.
- **free text** (what happened, a note, a response's reasons): at most `TEXT` characters; line
  breaks and tabs are kept, other control characters and the bidirectional overrides go.

Zero-width joiners and non-joiners stay: Persian, Indic scripts and emoji need them. Left-to-right
and right-to-left marks stay in free text, where Arabic and Hebrew writers use them, but not in a
line, where they only hide what a name really is.
"""

from __future__ import annotations

import re

from putright.errors import InvalidInput

LINE = 200  # a name, a reference, a subject
ADDRESS = 500
TEXT = 20_000  # about 3,000 words: any one field of a complaint, note or response
LETTER = 100_000  # a whole letter's body, written by staff
ITEMS = 50  # entries in one list in a request: co-complainants, remedies, actions

# Fields of at most this many characters are lines (see above).
LINE_AT_MOST = 255

# C0 and C1 controls and DEL, less tab, line feed and carriage return.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Marks and invisible characters with no place in a line.
_INVISIBLE = "\u061c\u200b\u200e\u200f\u2060\ufeff"

_FREE_TEXT_DROP = re.compile(f"[{_CONTROLS}{_BIDI}\ufeff]")
_LINE_DROP = re.compile(f"[{_CONTROLS}{_BIDI}{_INVISIBLE}]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")


def clean_line(value: str) -> str:
    """One line: line breaks and tabs become a space; controls and invisibles are removed."""
    return _LINE_DROP.sub("", _LINE_BREAKS.sub(" ", value)).strip()


def clean_text(value: str) -> str:
    """Free text: line breaks and tabs kept; other controls and bidi overrides removed."""
    return _FREE_TEXT_DROP.sub("", value.replace("\u2028", "\n").replace("\u2029", "\n\n"))


def clean(value: str, *, max_length: int | None) -> str:
    """Clean by kind: a field of at most LINE_AT_MOST characters is a line."""
    if max_length is not None and max_length <= LINE_AT_MOST:
        return clean_line(value)
    return clean_text(value)


def too_long(value: str, limit: int) -> str | None:
    """The message for a value over its limit, or None."""
    if len(value) > limit:
        return f"Use {limit:,} characters or fewer (this has {len(value):,})."
    return None


def bounded(field: str, value: str | None, limit: int) -> str:
    """For a service that takes text straight from a page: the value cleaned by kind, or
    InvalidInput naming the field when it is over its limit."""
    value = clean(value or "", max_length=limit)
    message = too_long(value, limit)
    if message:
        raise InvalidInput({field: message})
    return value
