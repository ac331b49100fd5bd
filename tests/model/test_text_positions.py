"""Text offsets (code points) against a rich-text document's positions (UTF-16 units, one per line break)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.model.text_positions import TextPositions


def reference_position(text: str, offset: int) -> int:
    """What Qt counts before ``offset``: UTF-16 units, a '\\r\\n' once (its '\\r' takes no position)."""
    before = text[:offset]
    pairs = sum(1 for i in range(len(before)) if text[i] == "\r" and text[i + 1 : i + 2] == "\n")
    return len(before.encode("utf-16-le")) // 2 - pairs


@pytest.mark.parametrize(("text", "offset", "position"), [
    ("ab\r\ncd", 4, 3),  # 'c' after a CRLF: one position for the pair
    ("ab\r\ncd", 2, 2),
    ("ab\rcd", 3, 3),  # a lone CR is one paragraph break
    ("ab\u2028cd", 3, 3),
    ("ab\u2029cd", 3, 3),
    ("x🚀y", 2, 3),  # the rocket takes two UTF-16 units
    ("Cafe\u0301 au lait", 5, 5),  # a combining accent is its own code point and unit
    ("l1\r\nl2\r\nl3 Tongchang-ri", 11, 9),
])
def test_known_positions(text, offset, position):
    positions = TextPositions(text)
    assert positions.to_position(offset) == position
    assert positions.to_offset(position) == offset


def test_a_position_inside_a_pair_maps_to_where_the_character_starts():
    positions = TextPositions("a🚀\r\nb")
    assert positions.to_offset(2) == 1  # between the rocket's surrogates
    assert positions.to_offset(3) == 2  # the paragraph break: before the '\r', never between '\r' and '\n'
    assert positions.to_offset(4) == 4


def test_offsets_are_clamped_to_the_text():
    positions = TextPositions("a\r\nb")
    assert positions.to_position(-5) == 0
    assert positions.to_position(99) == 3
    assert TextPositions("plain").to_position(99) == 5


@given(st.text(alphabet=st.sampled_from(["a", "é", "\u0301", "🚀", "👍", "\U0001F3FD", "\r", "\n", "\u2028",
                                         "\u2029", "\t", "字"]), max_size=40))
def test_positions_match_utf16_with_crlf_folded_and_round_trip(text):
    positions = TextPositions(text)
    for offset in range(len(text) + 1):
        assert positions.to_position(offset) == reference_position(text, offset)
        if not (offset > 0 and text[offset - 1] == "\r" and text[offset : offset + 1] == "\n"):
            assert positions.to_offset(positions.to_position(offset)) == offset
