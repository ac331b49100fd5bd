"""Paragraph numbers as readers count them, whatever the line ends."""

from __future__ import annotations

import pytest

from viewer.model.document import Document


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2029"])
def test_paragraphs_are_runs_of_non_blank_lines_with_any_line_end(newline):
    text = newline.join(["First para", "still first", "", "Second para", "", "", "Third"])
    document = Document("d", text=text)
    assert document.paragraph_of(text.index("still")) == 1
    assert document.paragraph_of(text.index("Second")) == 2
    assert document.paragraph_of(text.index("Third")) == 3
    assert document.paragraph_of(len(text)) == 3
