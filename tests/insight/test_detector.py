"""The dissatisfaction detector (issue 15 item 1): what it says of a message, that the scoring in
plain Python is scikit-learn's, that training is reproducible, that it needs nothing beyond the
default install to score, and that it never acts."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from putright.insight import detector, training

ROOT = Path(__file__).resolve().parents[2]


def test_a_first_report_is_a_service_request_and_a_repeat_is_dissatisfaction():
    # The issue's own pair.
    request = detector.detect("My tap is dripping, please send someone.")
    repeat = detector.detect("This is the third time I've reported the tap and nobody came.")
    assert request.dissatisfied is False
    assert request.reasons == []
    assert repeat.dissatisfied is True
    assert repeat.score > detector.model().threshold > request.score
    assert any("third time" in reason for reason in repeat.reasons)
    assert any("nobody" in reason for reason in repeat.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I would be grateful if someone could explain why the appointment was cancelled again.",
        "I was told the damp would be treated in the spring. It is now October.",
    ],
)
def test_polite_dissatisfaction_without_complaint_words_is_heard(text):
    assert detector.detect(text).dissatisfied is True


def test_an_upset_first_report_is_still_a_service_request():
    text = "Water is pouring through the kitchen ceiling, please send someone urgently!"
    assert detector.detect(text).dissatisfied is False


def test_the_plain_python_score_is_scikit_learns():
    pytest.importorskip("sklearn")
    packaged = json.loads(detector.PACKAGED.read_text())
    rows = training.load()
    train_rows = training.split(rows, packaged["seed"])["train"]
    vectorizer, classifier = training._fit(
        train_rows, packaged["seed"], packaged["C"], packaged["word_scale"]
    )
    texts = [r["text"] for r in rows]
    expected = classifier.predict_proba(
        training._matrix(vectorizer, texts, packaged["word_scale"])
    )[:, 1]
    model = detector.model()
    # The weights are kept to six places and the score to four: equal to within a thousandth.
    assert [detector.detect(t, model).score for t in texts] == pytest.approx(
        [float(p) for p in expected], abs=1e-3
    )


def test_training_is_reproducible_and_the_packaged_model_is_what_it_gives(tmp_path, capsys):
    pytest.importorskip("sklearn")
    packaged = json.loads(detector.PACKAGED.read_text())
    output = tmp_path / "model.json"
    call_command("dissatisfaction", "train", "--seed", str(packaged["seed"]), "--output", output)
    # Same messages, same seed: the same model, byte for byte.
    assert output.read_text() == detector.PACKAGED.read_text()
    assert json.loads(capsys.readouterr().out)["metrics"] == packaged["metrics"]
    assert (
        packaged["messages_sha256"]
        == training.hashlib.sha256(training.MESSAGES.read_bytes()).hexdigest()
    )


def test_the_metrics_recorded_are_the_models_own():
    packaged = json.loads(detector.PACKAGED.read_text())
    parts = training.split(training.load(), packaged["seed"])
    model = detector.model()
    for name, key in [
        ("held_out_groups", "held_out_groups"),
        ("hand_written", training.HAND),
        ("fresh", training.FRESH),
    ]:
        assert training.measure(model, parts[key]) == packaged["metrics"][name]
    # On the patterns it was not trained on, the targets of the issue hold (bench/RESULTS.md has
    # the free-written sets, where they do not yet).
    held_out = packaged["metrics"]["held_out_groups"]
    assert held_out["recall"] >= 0.9 and held_out["precision"] >= 0.85


def test_a_different_seed_holds_out_different_groups():
    rows = training.load()
    assert {r["group"] for r in training.split(rows, 15)["held_out_groups"]} != {
        r["group"] for r in training.split(rows, 16)["held_out_groups"]
    }


def test_scoring_needs_neither_scikit_learn_nor_numpy(tmp_path):
    # The default install: scikit-learn (and numpy) made unimportable, the command still scores.
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\nfor name in ('sklearn', 'numpy', 'scipy'):\n    sys.modules[name] = None\n"
    )
    messages = tmp_path / "m.jsonl"
    messages.write_text(json.dumps({"id": 1, "text": "Nobody came, again."}) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "putright.cli", "dissatisfaction", "detect", str(messages)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{tmp_path}:{ROOT / 'src'}", "DEBUG": "1", "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["dissatisfied"] is True


# --- the command-line contract -------------------------------------------------------------


def test_detect_prints_one_result_per_message_in_input_order(tmp_path, capsys):
    path = tmp_path / "messages.jsonl"
    lines = [
        {"id": "b", "text": "Please can you book a repair: the toilet will not flush."},
        {"id": 7, "text": "I have rung four times and nobody has called me back."},
        {"id": "", "text": ""},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    call_command("dissatisfaction", "detect", str(path), "--json")
    results = json.loads(capsys.readouterr().out)["results"]
    assert [r["id"] for r in results] == ["b", 7, ""]
    assert [r["dissatisfied"] for r in results] == [False, True, False]
    assert all(0.0 <= r["score"] <= 1.0 and isinstance(r["reasons"], list) for r in results)
    assert set(results[1]) == {"id", "dissatisfied", "score", "reasons"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2: not JSON"),
        ('{"id": 1}', 'line 2: each line needs "id" and "text"'),
        ('["a list"]', 'line 2: each line needs "id" and "text"'),
    ],
)
def test_a_bad_line_is_refused_with_its_number(tmp_path, capsys, line, message):
    path = tmp_path / "messages.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "Fine."}) + "\n" + line + "\n")
    with pytest.raises(CommandError, match=message):
        call_command("dissatisfaction", "detect", str(path))
    assert capsys.readouterr().out == ""


# --- the API, and the never-acts rule -------------------------------------------------------


@pytest.fixture
def api(db):
    def make(user):
        client = APIClient()
        client.force_authenticate(user=user)
        return client

    return make


def test_the_api_detects_and_records_nothing(api, hannah, django_assert_max_num_queries):
    from django.apps import apps

    counts = {m._meta.label: m.objects.count() for m in apps.get_models()}
    body = {
        "messages": [
            {"id": "1", "text": "Still no hot water. Nobody has been back since Monday."},
            {"id": "2", "text": "Could I have a copy of my tenancy agreement please?"},
        ]
    }
    response = api(hannah).post("/api/v1/dissatisfaction/detect/", body, format="json")
    assert response.status_code == 200
    assert [(r["id"], r["dissatisfied"]) for r in response.json()["results"]] == [
        ("1", True),
        ("2", False),
    ]
    # It suggests, never acts: no complaint, event or anything else is written.
    assert {m._meta.label: m.objects.count() for m in apps.get_models()} == counts


def test_the_detector_reads_no_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        detector.detect_many([{"id": 1, "text": "Nobody came, again."}])


def test_bad_input_names_the_field(api, hannah):
    client = api(hannah)
    url = "/api/v1/dissatisfaction/detect/"
    too_long = {"messages": [{"id": "1", "text": "x" * (detector.MAX_CHARACTERS + 1)}]}
    response = client.post(url, too_long, format="json")
    assert response.status_code == 400
    assert "messages[0].text" in json.dumps(response.json())
    assert client.post(url, {"messages": []}, format="json").status_code == 400
    many = {"messages": [{"id": str(i), "text": "a"} for i in range(101)]}
    assert client.post(url, many, format="json").status_code == 400


def test_governance_and_strangers_are_refused(api, grace, client):
    url = "/api/v1/dissatisfaction/detect/"
    body = {"messages": [{"id": "1", "text": "Nobody came."}]}
    assert api(grace).post(url, body, format="json").status_code == 403
    assert client.post(url, body, content_type="application/json").status_code in (401, 403)
