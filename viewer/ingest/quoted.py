"""A quoted post's or mail's line marks ('> GMT Thursday) from …', '> NAVAREA XI 1288/26') read as the spaces they
stand in for, offsets unchanged: a clock time and its zone on two quoted lines are one time, and a warning quoted
line by line reads as the warning; and whether a place in a line lies inside quotation marks opened on it."""

from __future__ import annotations

import re

_QUOTE_MARKS = re.compile(r"^[ \t]*>[> \t]*", re.MULTILINE)


def unquoted(text: str, start: int = 0, end: int | None = None) -> str:
    """``text`` with the quote marks that open lines in ``text[start:end]`` blanked."""
    end = len(text) if end is None else end
    if text.find(">", start, end) < 0 or text.find("\n", start, end) < 0:
        return text  # (no mark, or no line but the first: nothing opens a quoted line after another)
    part = text[start:end]
    return text[:start] + _QUOTE_MARKS.sub(lambda m: " " * len(m.group()), part) + text[end:]


def in_quotation_marks(text: str, at: int) -> bool:
    """Whether ``at`` lies inside quotation marks opened on its line: a worksheet's 'Claim checked: "North Korea fired
    a missile over Japan on 4 April 2017"' quotes a claim, which a headline stating the launch does not."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
