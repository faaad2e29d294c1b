"""putright.text and the JSON depth count, at their edges and against random input."""

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from putright import text
from putright.api.parsers import depth

FORMATTING = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"}


def test_a_line_is_one_line_without_controls_or_invisibles():
    assert text.clean_line(" Rosa\r\nPatel\t\u200b\u200e\u202e\x1b\x7f\x85 ") == "Rosa Patel"


def test_free_text_keeps_its_breaks_tabs_and_joiners_and_loses_overrides():
    typed = "Dear\r\n\tall\u2028new line \u202eoverride \u200dzwj \u200fRLM \x07bell"
    assert text.clean_text(typed) == "Dear\r\n\tall\nnew line override \u200dzwj \u200fRLM bell"


def test_the_kind_follows_the_limit():
    assert text.clean("a\nb", max_length=text.LINE_AT_MOST) == "a b"
    assert text.clean("a\nb", max_length=text.LINE_AT_MOST + 1) == "a\nb"
    assert text.clean("a\nb", max_length=None) == "a\nb"


@given(st.text())
def test_no_control_or_bidi_character_survives_a_line(value):
    cleaned = text.clean_line(value)
    assert not any(unicodedata.category(c) == "Cc" for c in cleaned)
    assert not FORMATTING & set(cleaned)
    assert text.clean_line(cleaned) == cleaned  # cleaning twice changes nothing


@given(st.text())
def test_free_text_keeps_every_letter_it_was_given(value):
    cleaned = text.clean_text(value)
    letters = [c for c in value if unicodedata.category(c)[0] in "LN"]
    assert [c for c in cleaned if unicodedata.category(c)[0] in "LN"] == letters
    assert not FORMATTING & set(cleaned)


def test_too_long_names_both_numbers():
    assert text.too_long("abc", 3) is None
    assert text.too_long("abcd", 3) == "Use 3 characters or fewer (this has 4)."


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


def _real_depth(value) -> int:
    if isinstance(value, list):
        return 1 + max((_real_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_real_depth(v) for v in value.values()), default=0)
    return 0


@given(json_values)
def test_depth_counts_what_the_decoder_would_nest(value):
    assert depth(json.dumps(value)) == _real_depth(value)
