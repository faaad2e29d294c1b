"""Does a message express dissatisfaction with the landlord? (Complaint Handling Code 1.3, 1.5.)

The detector suggests; it never acts. It scores a message from 0 to 1 with a linear model over
words, pairs of words and the cues in `cues.py`, and names the words that weighed most, so that a
member of staff sees why. The model is a JSON file (`data/dissatisfaction-model.json`, or the
file `PUTRIGHT_DISSATISFACTION_MODEL` names): the vocabulary, each term's inverse document
frequency and weight, the intercept and the threshold, written by `putright dissatisfaction
train` (`training.py`, scikit-learn). Scoring needs nothing but Python: no scikit-learn, no numpy,
no model downloaded.

It reproduces scikit-learn's TfidfVectorizer (token pattern, stop words, n-grams, sublinear tf,
l2 norm; scaled by the model's `word_scale`), adds each cue found (`cues.py`) with its weight,
and applies LogisticRegression's decision function; tests/insight compares the two on every
message.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from putright.insight import cues

PACKAGED = Path(__file__).resolve().parent / "data" / "dissatisfaction-model.json"
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
MAX_CHARACTERS = 20_000
REASONS = 3
CUE = "cue:"


@dataclass
class Result:
    dissatisfied: bool
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self, id=None) -> dict:
        data = {"dissatisfied": self.dissatisfied, "score": self.score, "reasons": self.reasons}
        return {"id": id, **data} if id is not None else data


@dataclass(frozen=True)
class Model:
    version: str
    threshold: float
    intercept: float
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    terms: dict[str, tuple[float, float]]  # term: (idf, weight)
    stop_words: frozenset[str]
    word_scale: float
    cues: dict[str, float]  # cue: weight
    metrics: dict

    @classmethod
    def from_file(cls, path: Path) -> Model:
        return cls.from_file_data(json.loads(Path(path).read_text()))

    @classmethod
    def from_file_data(cls, data: dict) -> Model:
        return cls(
            version=data["version"],
            threshold=data["threshold"],
            intercept=data["intercept"],
            ngram_range=tuple(data["ngram_range"]),
            sublinear_tf=data["sublinear_tf"],
            terms={term: tuple(pair) for term, pair in data["terms"].items()},
            stop_words=frozenset(data.get("stop_words", ())),
            word_scale=data.get("word_scale", 1.0),
            cues=data.get("cues", {}),
            metrics=data.get("metrics", {}),
        )


def model_path() -> Path:
    return Path(getattr(settings, "PUTRIGHT_DISSATISFACTION_MODEL", "") or PACKAGED)


@lru_cache(maxsize=4)
def _load(path: str) -> Model:
    return Model.from_file(Path(path))


def model() -> Model:
    return _load(str(model_path()))


def _ngrams(tokens: list[str], low: int, high: int) -> list[str]:
    grams = []
    for n in range(low, high + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def _features(text: str, m: Model) -> dict[str, float]:
    counts: dict[str, int] = {}
    # As scikit-learn does: stop words leave the tokens before the n-grams are made.
    tokens = [t for t in TOKEN.findall(text) if t not in m.stop_words]
    for gram in _ngrams(tokens, *m.ngram_range):
        if gram in m.terms:
            counts[gram] = counts.get(gram, 0) + 1
    values = {
        term: (1 + math.log(count) if m.sublinear_tf else count) * m.terms[term][0]
        for term, count in counts.items()
    }
    norm = math.sqrt(sum(v * v for v in values.values()))
    return {term: m.word_scale * v / norm for term, v in values.items()} if norm else {}


def _reason(term: str, found: dict[str, str]) -> str:
    if term.startswith(CUE):
        name = term.removeprefix(CUE)
        return f'{cues.CUES[name][0]}: "{found[name]}"'
    return f'"{term}"'


def detect(text: str, m: Model | None = None) -> Result:
    m = m or model()
    text = cues.normalise((text or "")[:MAX_CHARACTERS])
    contributions = {term: value * m.terms[term][1] for term, value in _features(text, m).items()}
    found = cues.find(text)
    contributions |= {CUE + name: m.cues.get(name, 0.0) for name in found}
    z = m.intercept + sum(contributions.values())
    score = 1 / (1 + math.exp(-z))
    # The words that pushed towards dissatisfaction, strongest first; markers and the words of
    # the same phrase named once.
    reasons: list[str] = []
    for term, value in sorted(contributions.items(), key=lambda kv: -kv[1]):
        if value <= 0 or len(reasons) == REASONS:
            break
        reason = _reason(term, found)
        if reason not in reasons:
            reasons.append(reason)
    dissatisfied = score >= m.threshold
    return Result(dissatisfied, round(score, 4), reasons if dissatisfied else [])


def detect_many(messages: list[dict]) -> list[dict]:
    """`messages` are {"id", "text"}: the results in the same order, each with its id."""
    m = model()
    return [detect(item.get("text") or "", m).as_dict(id=item.get("id")) for item in messages]
