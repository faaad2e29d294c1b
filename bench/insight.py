"""The dissatisfaction detector: `.venv/bin/python -m bench.insight [--repeat 20]`.

Times `detector.detect` on one core over every labelled message (the same text the model is
measured on), after one warm-up pass that loads the model, and writes the per-message median and
95th percentile with the model's precision and recall on each held-out set to bench/RESULTS.md
(section "Dissatisfaction detector"). The issue's target is under 20 ms a message on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from bench.results import write_section  # noqa: E402
from putright.insight import detector, training  # noqa: E402

SECTION = "## Dissatisfaction detector"
COMMAND = ".venv/bin/python -m bench.insight"
SETS = [
    ("held_out_groups", "patterns not trained on (a quarter of the written patterns)"),
    ("hand_written", "free-written, never trained on, looked at while the cues were tuned"),
    ("fresh", "free-written after the settings were fixed, never looked at while tuning"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    texts = [row["text"] for row in training.load()]
    model = detector.model()
    for text in texts:  # warm-up: the model is loaded and the patterns compiled
        detector.detect(text, model)
    times = []
    for _ in range(args.repeat):
        for text in texts:
            start = time.perf_counter()
            detector.detect(text, model)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median = statistics.median(times)
    p95 = times[int(0.95 * len(times)) - 1]
    metrics = json.loads(detector.PACKAGED.read_text())["metrics"]
    lines = [
        SECTION,
        "",
        f"Command: `{COMMAND}`. Run {dt.date.today():%d %B %Y} on {platform.machine()}, "
        f"Python {platform.python_version()}, one process. Machine caveat: 2 shared CPU cores "
        "with other work running; read the ratios, not the milliseconds.",
        "",
        f"Speed: {len(texts)} messages scored {args.repeat} times: median "
        f"{median:.3f} ms a message, 95th percentile {p95:.3f} ms (target: under 20 ms).",
        "",
        "Quality, from the model's own metrics (`src/putright/insight/data/"
        "dissatisfaction-model.json`, written by `putright dissatisfaction train`, seed "
        f"{json.loads(detector.PACKAGED.read_text())['seed']}); target: recall at least 0.9 at "
        "precision at least 0.85 on messages not trained on.",
        "",
        "| messages | count | precision | recall | missed (false negatives) | "
        "flagged wrongly (false positives) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, label in SETS:
        m = metrics[key]
        lines.append(
            f"| {label} | {m['messages']} | {m['precision']} | {m['recall']} | "
            f"{m['false_negatives']} | {m['false_positives']} |"
        )
    write_section(SECTION, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
