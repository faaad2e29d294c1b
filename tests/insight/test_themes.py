"""Themes for the senior lead (9.4): complaints grouped by category and by the words of their
descriptions, the previous quarter matched to the same themes, examples, and a theme offered to
the learning register. Today is Monday 24 November 2025: quarter 3 of 2025/26."""

import datetime as dt

import pytest

from putright.insight.themes import themes
from putright.oversight.periods import quarter
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db

D = dt.date
DAMP = "Black mould is growing on the bedroom ceiling and walls of the flat."
BOILER = "The boiler has broken down again and there is no heating or hot water."


def _log(user, received_on, description, category, address="Flat 3, Rowan Court"):
    return log_complaint(
        user=user,
        received_on=received_on,
        description=description,
        category=category,
        resident={"name": "Rosa Patel", "email": "rosa@example.org", "address": address},
    )


def test_complaints_about_the_same_thing_are_one_theme_with_its_trend(olivia):
    for day in (D(2025, 10, 6), D(2025, 10, 13), D(2025, 11, 3)):
        _log(olivia, day, DAMP, "damp_mould")
    _log(olivia, D(2025, 8, 4), DAMP.replace("bedroom", "bathroom"), "damp_mould")
    for day in (D(2025, 10, 7), D(2025, 11, 4)):
        _log(olivia, day, BOILER, "repairs", address="12 Elm Road")
    _log(olivia, D(2025, 10, 8), "The contractor left rubble in the garden.", "repairs")
    found = themes(quarter(2025, 3), quarter(2025, 2))
    assert [(t.category, t.count, t.previous) for t in found] == [
        ("damp_mould", 3, 1),
        ("repairs", 2, 0),
    ]
    damp = found[0]
    assert "mould" in damp.words
    assert damp.name.startswith("Damp and mould: ")
    assert damp.name.endswith("(at Flat 3, Rowan Court)")  # all three at one address
    assert damp.change == 2
    assert len(damp.examples) == 3


def test_one_complaint_is_not_a_theme(olivia):
    _log(olivia, D(2025, 10, 6), DAMP, "damp_mould")
    _log(olivia, D(2025, 10, 7), BOILER, "repairs")
    assert themes(quarter(2025, 3)) == []


def test_the_themes_page_offers_each_theme_to_the_learning_register(client, olivia, hannah):
    for day in (D(2025, 10, 6), D(2025, 10, 13)):
        _log(olivia, day, DAMP, "damp_mould")
    client.force_login(olivia)
    page = client.get("/insight/themes/?year=2025&quarter=3").content.decode()
    assert "Damp and mould: " in page
    assert "Record as a lesson" in page
    assert "/oversight/lessons/new/?title=Damp+and+mould" in page
    lesson_form = client.get("/oversight/lessons/new/?title=Damp&complaints=CMP-000001").content
    assert b'value="Damp"' in lesson_form and b"CMP-000001" in lesson_form
    assert client.get("/insight/themes/?quarter=5").status_code == 400
    client.force_login(hannah)  # a handler reads no oversight
    assert client.get("/insight/themes/").status_code == 403
