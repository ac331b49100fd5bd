"""The offset mapping against a real QTextDocument: each text character lands on its own document position."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QPlainTextEdit

from viewer.model.text_positions import TextPositions

BREAKS = {"\r": "\u2029", "\n": "\u2029", "\u2029": "\u2029", "\u2028": "\u2028"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "\u0301", "🚀", "\r", "\n", "\u2028", "\u2029", "字"]), max_size=30))
def test_every_character_is_where_the_mapping_says(qapp, text):
    editor = QPlainTextEdit()
    editor.setPlainText(text)
    document = editor.document()
    positions = TextPositions(text)
    for offset, char in enumerate(text):
        if char == "\r" and text[offset + 1 : offset + 2] == "\n":
            continue  # the pair is one break, found at the '\r''s position
        at = positions.to_position(offset)
        shown = document.characterAt(at)
        expected = BREAKS.get(char, char)
        if ord(char) > 0xFFFF:  # a surrogate pair: the document holds its two halves
            shown += document.characterAt(at + 1)
            expected = "".join(chr(int.from_bytes(char.encode("utf-16-le")[i:i + 2], "little")) for i in (0, 2))
        assert shown == expected, (offset, text)
    assert positions.to_position(len(text)) == document.characterCount() - 1
