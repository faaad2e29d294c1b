"""The cues of dissatisfaction with the landlord (and of a plain request), as words a reader
would point at.

Each cue is a pattern over the lower-cased message, a feature of its own (1 when it matches)
beside the words. The cues carry what a bag of words cannot: that "third time", "4 times" and
"again" all mean a repeated report, so that a message written in words the training set never
used still shows it. The detector's reasons name the cue and the words that matched.
"""

from __future__ import annotations

import re

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)"
CUES: dict[str, tuple[str, re.Pattern]] = {
    name: (label, re.compile(pattern))
    for name, label, pattern in [
        (
            "repeat",
            "reported before",
            rf"\b(again|(second|third|fourth|fifth|\d+(st|nd|rd|th)) (time|booking|visit)"
            rf"|{NUMBER} times|(re-?)?reported (it )?(before|already)|chas(e|ed|ing)"
            r"|every (winter|time|step)|previous (jobs?|visits?|reports?)"
            r"|same story|keeps? (being|getting) (cancelled|closed))\b",
        ),
        (
            "unanswered",
            "no response",
            r"\b(nobody|no one|no-one|noone|never (came|did|rang|called|replied|showed)"
            r"|(did not|didn't|has not|hasn't|have not|haven't) (turn up|show|come|call|ring|"
            r"replied|been back|heard)|did not show|no[- ]shows?|never heard|heard nothing"
            r"|not heard|no word"
            r"|another word|no (reply|response|answer|call back|callback|communication)"
            r"|not (one|a single) reply|not heard (anything|back)|silence|ignored|not even "
            r"answered|fobbed off|no one (let|told)|nothing (has been|was) done)\b",
        ),
        (
            "waiting",
            "still waiting",
            rf"\b(still"
            rf"|waiting (for|since)|{NUMBER} (days|weeks|months) (ago|later|now|and)"
            rf"|since ({MONTHS}|spring|summer|autumn|winter)|(for|in) {NUMBER} (days|weeks|months)"
            r"|all this time|how long|takes? (three|two|\d+) (months|weeks)|without a working"
            r"|ages|ago|too long|so long|far too|since before)\b",
        ),
        (
            "promise",
            "a promise not kept",
            r"\b(promised|was told|were told|i was assured|said (he|she|they|it) would"
            r"|would (ring|call|visit|be fixed))\b",
        ),
        (
            "feeling",
            "unhappy with the service",
            r"\b(not (happy|acceptable|good enough|right|on)|unacceptable|disappointed|disgusted"
            r"|appalled|appalling|shocking|fed up|had enough|let down|worst|upset|ridiculous"
            r"|outrageous|expect better|been patient|nobody listens|no one listens|tired of|sick of"
            r"|end of my tether|disgrace|not impressed|laughed|frustrat\w*|angry|unhappy"
            r"|dissatisf\w*|should(n't| not| have)|not prepared)\b",
        ),
        (
            "complaint",
            "says it is a complaint",
            r"(?<!no )\b(complain(ed|ing|t|ts)?|ombudsman)\b",
        ),
        (
            "handling",
            "how it was handled",
            r"\b(job (was )?(closed|marked)|marked as complete|closed (my|the) (case|job)"
            r"|passed (from|around|between)|takes? responsibility|not his job|not her job"
            r"|no access but|handled|spoken to|the way i was)\b",
        ),
        (
            "quality",
            "the work was poor",
            r"\b(botched|rushed|half (done|finished)|came back within|happening again"
            r"|left (a|the) mess|damaged|not finished|cut through|flooded my|worse|no better"
            r"|is back|back again|lasted|failed|badly|made (it )?worse)\b",
        ),
        (
            "why",
            "asks why",
            r"\b(why|any update)\b",
        ),
        (
            "request",
            "asks for a service",
            r"\b(please (can|could|send|book|help|let)|can (you|someone|i (get|have))|could "
            r"(you|someone|i)|i (want|would like|need) to (report|request|ask)|reporting|"
            r"is it possible|what (should|do) i|when is the earliest|booked (an|a)|"
            r"(rang|called|caller|tenant) (to report|reported|rang)|advised on)\b",
        ),
        (
            "thanks",
            "thanks",
            r"\b(thank(s| you)|brilliant|fantastic|much better|well done|very happy|polite)\b",
        ),
    ]
}

# Words that carry no dissatisfaction either way (the negations and "still", "again" do, and
# are kept). Leaving them out stops a pattern's filler words from standing for its label.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "out",
        "over",
        "please",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def normalise(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def find(text: str) -> dict[str, str]:
    """The cues in a message, each with the first words that matched it."""
    found = {}
    for name, (_label, pattern) in CUES.items():
        match = pattern.search(text)
        if match:
            found[name] = match.group(0)
    return found
