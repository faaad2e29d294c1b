"""`putright dissatisfaction detect FILE --json` and `putright dissatisfaction train`.

detect: FILE holds one JSON object per line with `id` and `text` ("-" reads standard input);
prints {"results": [{"id", "dissatisfied", "score", "reasons"}]} in input order. A line that is
not such an object is refused with its line number, and nothing is printed but the error.

train: fits the model on the labelled messages (the packaged set, or --messages FILE in the same
shape), seeded, and writes it with its metrics (--output, by default var/dissatisfaction-model.json;
point PUTRIGHT_DISSATISFACTION_MODEL at it to use it). Needs `pip install putright[train]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from putright.insight import detector

MAX_LINES = 100_000
NEEDS_SCIKIT_LEARN = "Training needs scikit-learn: pip install 'putright[train]'."


def read_messages(stream) -> list[dict]:
    messages = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        if number > MAX_LINES:
            raise CommandError(f"At most {MAX_LINES} messages in one file.")
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise CommandError(f"line {number}: not JSON ({error.msg}).") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or "id" not in item:
            raise CommandError(f'line {number}: each line needs "id" and "text" (a string).')
        messages.append(item)
    return messages


class Command(BaseCommand):
    help = "Detect dissatisfaction in messages, or train the detector (Code 1.3, 1.5)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        detect = sub.add_parser("detect", help="Score messages: one JSON object a line.")
        detect.add_argument("file")
        detect.add_argument("--json", action="store_true", help="Print JSON (the default).")
        train = sub.add_parser("train", help="Train the model, seeded, and write it.")
        train.add_argument("--seed", type=int, default=15)
        train.add_argument("--messages", type=Path)
        train.add_argument("--output", type=Path, default=Path("var/dissatisfaction-model.json"))

    def handle(self, *args, action, **options):
        if action == "detect":
            return self._detect(options["file"])
        return self._train(options["seed"], options["messages"], options["output"])

    def _detect(self, file: str) -> None:
        if file == "-":
            messages = read_messages(sys.stdin)
        else:
            try:
                with open(file, encoding="utf-8") as stream:
                    messages = read_messages(stream)
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read {file}: {error}") from None
        self.stdout.write(json.dumps({"results": detector.detect_many(messages)}))

    def _train(self, seed: int, messages: Path | None, output: Path) -> None:
        try:
            from putright.insight import training
        except ImportError:  # pragma: no cover - the dev extra has it
            raise CommandError(NEEDS_SCIKIT_LEARN) from None
        try:
            data = training.train(seed=seed, **({"messages": messages} if messages else {}))
        except ImportError:
            raise CommandError(NEEDS_SCIKIT_LEARN) from None
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        output.parent.mkdir(parents=True, exist_ok=True)
        training.write(data, output)
        self.stdout.write(json.dumps({"output": str(output), "metrics": data["metrics"]}))
