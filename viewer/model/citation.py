"""Citations: W3C Web Annotation text position + quote selectors pointing into a document."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

CONTEXT_CHARS = 32  # how much prefix/suffix a new citation keeps, as in design.md


class AnchorStatus(enum.Enum):
    UNCHECKED = "unchecked"  # not yet compared with its document's text
    ANCHORED = "anchored"  # offsets and quote agree
    REANCHORED = "reanchored"  # the text changed; the quote was found elsewhere
    ORPHANED = "orphaned"  # the quote is gone; kept and shown, never dropped


@dataclass(frozen=True)
class Citation:
    """A passage of a document: ``text[start:end] == exact`` once anchored."""

    document: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    status: AnchorStatus = AnchorStatus.UNCHECKED
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # added to a launch already open by an import of articles in this session ("New:"); never written to a file
    new: bool = field(default=False, compare=False)

    @classmethod
    def of_span(cls, document: str, text: str, start: int, end: int) -> Citation:
        """A citation of ``text[start:end]`` with its context, e.g. for a passage the user selected."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
        return cls(
            document=document,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            status=AnchorStatus.ANCHORED,
        )

    @property
    def is_orphaned(self) -> bool:
        return self.status is AnchorStatus.ORPHANED

    def with_status(self, status: AnchorStatus, start: int | None = None, end: int | None = None) -> Citation:
        return replace(
            self,
            status=status,
            start=self.start if start is None else start,
            end=self.end if end is None else end,
        )

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this passage and ``[start, end)`` share a character (a caret inside counts)."""
        if start == end:
            return self.start <= start < self.end
        return self.start < end and start < self.end
