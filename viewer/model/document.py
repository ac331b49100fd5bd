"""Documents: the articles that features cite, with their text inline or in a file beside the bundle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """An article. ``text`` is None when its file could not be read; its citations are then orphaned."""

    id: str
    title: str = ""
    published: str | None = None
    publisher: str | None = None
    path: str | None = None
    sha256: str | None = None
    text: str | None = None
    text_inline: bool = False  # whether the bundle carries the text itself (written back the same way)
    extra: dict[str, Any] = field(default_factory=dict)

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding ``offset`` (paragraphs are runs of non-blank lines)."""
        if self.text is None:
            return 0
        number, in_paragraph, line_start = 0, False, 0
        for line in self.text.splitlines(keepends=True):  # '\n', '\r\n', a lone '\r', '\u2029'…
            if line.strip():
                if not in_paragraph:
                    number += 1
                    in_paragraph = True
            else:
                in_paragraph = False
            line_start += len(line)
            if offset < line_start:
                return max(number, 1)
        return max(number, 1)

    @property
    def display_title(self) -> str:
        return self.title or self.path or self.id

