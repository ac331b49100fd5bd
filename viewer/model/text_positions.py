"""Where a text offset (code points, as citations count them) lies in a rich-text editor's document and back.

Qt's QTextDocument counts UTF-16 units and turns '\\r\\n' into one paragraph break (a lone '\\r', '\\n',
'\\u2028' and '\\u2029' are one position each), so a citation's offsets must be mapped, never used as is.
"""

from __future__ import annotations

import bisect
from itertools import accumulate


def _units(text: str, index: int) -> int:
    """Document positions the code point at ``index`` takes: 0 for the '\\r' of '\\r\\n', 2 above U+FFFF."""
    char = text[index]
    if char == "\r" and text[index + 1 : index + 2] == "\n":
        return 0
    return 2 if ord(char) > 0xFFFF else 1


class TextPositions:
    """Maps offsets of one text to document positions (``to_position``) and back (``to_offset``)."""

    def __init__(self, text: str):
        self.length = len(text)
        if "\r" not in text and (text.isascii() or all(ord(ch) <= 0xFFFF for ch in text)):
            self._positions: list[int] | None = None  # the common case: the same numbers
            return
        self._positions = [0, *accumulate(_units(text, i) for i in range(len(text)))]

    def to_position(self, offset: int) -> int:
        """The document position of a text offset (clamped to the text)."""
        offset = max(0, min(offset, self.length))
        return offset if self._positions is None else self._positions[offset]

    def to_offset(self, position: int) -> int:
        """The text offset of a document position; a position inside a '\\r\\n' or a surrogate pair maps to
        the offset where that character starts."""
        if self._positions is None:
            return max(0, min(position, self.length))
        index = bisect.bisect_left(self._positions, position)
        if index < len(self._positions) and self._positions[index] == position:
            return index  # the first offset there: before a '\r\n', not between its two characters
        return max(0, index - 1)

    def to_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_position(start), self.to_position(end)
