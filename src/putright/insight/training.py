"""Training the dissatisfaction detector: reproducible, seeded, measured on what it has not seen.

The labelled messages (`data/messages.jsonl`, written by scripts/insight_messages.py, or a
landlord's own file in the same shape) are split by `group`, the pattern a message was written
from: a quarter of the groups are held out, so the test never sees a message written from a
pattern it trained on; the free-written messages (group "hand") are never trained on at all.
The threshold is the highest score that keeps recall at `TARGET_RECALL` on out-of-fold scores of
the training part (a missed complaint is the worse error). The model is then written as JSON for
`detector.py`, with its metrics.

Needs scikit-learn (`pip install putright[train]`); scoring does not.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from putright.insight import cues
from putright.insight.detector import PACKAGED, Model, detect

MESSAGES = Path(__file__).resolve().parent / "data" / "messages.jsonl"
VERSION = "1"
TARGET_RECALL = 0.9
# Tried on the training part alone (grouped folds): the regularisation, and the words' share
# beside the cues (a cue, shared by many messages, can outweigh a rare word).
GRID_C = (1.0, 4.0, 16.0)
GRID_WORD_SCALE = (0.25, 0.5, 1.0)
CUE_NAMES = list(cues.CUES)
HELD_OUT_SHARE = 0.25
HAND = "hand"
FRESH = "fresh"  # written after the settings were fixed: never trained or tuned on


def load(path: Path = MESSAGES) -> list[dict]:
    rows = []
    for number, line in enumerate(Path(path).read_text().splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row.get("text"), str) or not isinstance(row.get("dissatisfied"), bool):
            raise ValueError(
                f"line {number}: each message needs text and dissatisfied (true/false)"
            )
        row.setdefault("group", f"row-{number}")
        rows.append(row)
    return rows


def split(rows: list[dict], seed: int) -> dict[str, list[dict]]:
    """Train, held-out groups, hand-written and fresh. Groups are held out per label, so that
    both labels are tested."""
    rng = random.Random(seed)
    held: set[str] = set()
    for label in (True, False):
        groups = sorted({r["group"] for r in rows if r["dissatisfied"] is label} - {HAND, FRESH})
        rng.shuffle(groups)
        held |= set(groups[: max(1, round(len(groups) * HELD_OUT_SHARE))])
    parts: dict[str, list[dict]] = {"train": [], "held_out_groups": [], HAND: [], FRESH: []}
    for row in rows:
        group = row["group"]
        key = group if group in (HAND, FRESH) else "held_out_groups" if group in held else "train"
        parts[key].append(row)
    return parts


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        ngram_range=(1, 2),
        sublinear_tf=True,
        lowercase=False,
        stop_words=sorted(cues.STOP_WORDS),
        min_df=2,
    )


def _matrix(vectorizer, texts: list[str], word_scale: float):
    """The words (tf-idf, scaled by `word_scale`) beside the cues (1 where found)."""
    from scipy.sparse import csr_matrix, hstack

    normalised = [cues.normalise(t) for t in texts]
    found = [cues.find(t) for t in normalised]
    flags = csr_matrix([[1.0 if name in f else 0.0 for name in CUE_NAMES] for f in found])
    return hstack([vectorizer.transform(normalised) * word_scale, flags]).tocsr()


def _fit(rows: list[dict], seed: int, c: float, word_scale: float):
    from sklearn.linear_model import LogisticRegression

    vectorizer = _vectorizer().fit([cues.normalise(r["text"]) for r in rows])
    classifier = LogisticRegression(
        C=c, class_weight="balanced", solver="liblinear", random_state=seed
    )
    matrix = _matrix(vectorizer, [r["text"] for r in rows], word_scale)
    classifier.fit(matrix, [r["dissatisfied"] for r in rows])
    return vectorizer, classifier


def _out_of_fold(train: list[dict], seed: int, c: float, word_scale: float) -> list[float]:
    """Each training message scored by a model fitted without its group."""
    from sklearn.model_selection import GroupKFold

    labels = [r["dissatisfied"] for r in train]
    scores = [0.0] * len(train)
    folds = GroupKFold(n_splits=5).split(train, labels, [r["group"] for r in train])
    for fit, score in folds:
        vectorizer, classifier = _fit([train[i] for i in fit], seed, c, word_scale)
        matrix = _matrix(vectorizer, [train[i]["text"] for i in score], word_scale)
        for i, p in zip(score, classifier.predict_proba(matrix)[:, 1], strict=True):
            scores[i] = float(p)
    return scores


def _at_target_recall(scores: list[float], labels: list[bool]) -> tuple[float, float]:
    """The threshold that keeps recall at TARGET_RECALL, and the precision there."""
    positives = sorted((s for s, label in zip(scores, labels, strict=True) if label), reverse=True)
    if not positives:
        return 0.5, 0.0
    # The score of the positive at the target recall: everything at or above it is flagged.
    index = max(0, min(len(positives) - 1, int(TARGET_RECALL * len(positives) + 0.999) - 1))
    threshold = round(positives[index] - 1e-6, 6)
    flagged = [label for s, label in zip(scores, labels, strict=True) if s >= threshold]
    return threshold, sum(flagged) / len(flagged)


def _choose(train: list[dict], seed: int) -> tuple[float, float, float]:
    """C, the words' scale and the threshold: the settings with the best out-of-fold precision at
    the target recall, chosen on the training part alone."""
    labels = [r["dissatisfied"] for r in train]
    best = None
    for c in GRID_C:
        for word_scale in GRID_WORD_SCALE:
            threshold, precision = _at_target_recall(
                _out_of_fold(train, seed, c, word_scale), labels
            )
            if best is None or precision > best[0]:
                best = (precision, c, word_scale, threshold)
    return best[1], best[2], best[3]


def measure(model: Model, rows: list[dict]) -> dict:
    tp = fp = fn = tn = 0
    for row in rows:
        flagged = detect(row["text"], model).dissatisfied
        if flagged and row["dissatisfied"]:
            tp += 1
        elif flagged:
            fp += 1
        elif row["dissatisfied"]:
            fn += 1
        else:
            tn += 1
    return {
        "messages": len(rows),
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
        "true_negatives": tn,
    }


def train(*, seed: int = 15, messages: Path = MESSAGES) -> dict:
    """The model as JSON-ready data, with its metrics on the held-out groups and hand-written."""
    rows = load(messages)
    parts = split(rows, seed)
    train_rows = parts["train"]
    c, word_scale, threshold = _choose(train_rows, seed)
    vectorizer, classifier = _fit(train_rows, seed, c, word_scale)
    weights = classifier.coef_[0]
    words = len(vectorizer.vocabulary_)
    terms = {
        term: [round(float(vectorizer.idf_[index]), 6), round(float(weights[index]), 6)]
        for term, index in sorted(vectorizer.vocabulary_.items())
    }
    data = {
        "version": VERSION,
        "seed": seed,
        "messages_sha256": hashlib.sha256(Path(messages).read_bytes()).hexdigest(),
        "trained_on": len(train_rows),
        "threshold": threshold,
        "C": c,
        "intercept": round(float(classifier.intercept_[0]), 6),
        "ngram_range": [1, 2],
        "sublinear_tf": True,
        "word_scale": word_scale,
        "cues": {name: round(float(weights[words + i]), 6) for i, name in enumerate(CUE_NAMES)},
        "stop_words": sorted(cues.STOP_WORDS),
        "terms": terms,
    }
    model = Model.from_file_data(data)
    data["metrics"] = {
        "held_out_groups": measure(model, parts["held_out_groups"]),
        "hand_written": measure(model, parts[HAND]),
        "fresh": measure(model, parts[FRESH]),
        "training": measure(model, train_rows),
    }
    return data


def write(data: dict, path: Path = PACKAGED) -> None:
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
