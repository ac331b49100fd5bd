"""Whose outcome an outcome word states, and state media's claim of a hit.

An outcome word near a launch is not always that launch's: 'the rocket was meant to put a satellite into orbit' is an
aim; 'the first satellite launch since November, when it placed a satellite into orbit' is November's launch; 'state
media, which usually reports successful tests the next morning' speaks of tests in general; 'far short of the 300 km
Seoul regards as the minimum for a successful flight' is a standard; 'Both previous launches failed. In the first, the
engine ignited abnormally' tells one of those. And state media's 'hit a target in the sea' or 'before reaching a target
island' is its claim of success, as 'hit the designated target' already was (claims._SUCCESS)."""

from __future__ import annotations

import re

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# "hit a target in the sea", "before hitting a target", "hit the target", "before reaching a target island"
HIT_TARGET = re.compile(r"\b(?:hit|hits|hitting|struck|striking|reached|reaching)\s+(?:a|the|its)\s+(?:[\w-]+\s+)?"
                        r"target(?:\s+(?:island|ship|vessel|rock))?\b(?!s)", re.IGNORECASE)
# an aim or an ability, not a result: "was meant to put … into orbit", "designed to hit a target", "capable of"
_AIMED = re.compile(r"\b(?:(?:meant|intended|designed|supposed|expected|due|scheduled|built|able)\s+to|capable\s+of)"
                    r"\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)
# a standard: "the minimum for a successful flight", "what is needed for a successful launch"
_STANDARD = re.compile(r"\b(?:minimum|threshold|standard|benchmark|bar|needed|required|necessary|criteria|criterion)\s+"
                       r"(?:[\w-]+\s+){0,3}?for\s+an?\s+$", re.IGNORECASE)
# tests in general: "reports on successful tests", "successful launches are announced the next day"
_IN_GENERAL = re.compile(r"\s+(?:tests|launches|flights|firings|attempts|missions)\b", re.IGNORECASE)
# the launch of an earlier month: "its first launch since November, when it placed a satellite into orbit"
_SINCE_MONTH = re.compile(rf"\bsince\s+(?:last\s+)?{_MONTH}\b[^.;]{{0,30}}?\b(?:when|in\s+which)\b[^.;]*$")
# one of the launches just named: "In the first, the second stage ignited abnormally", "In the latter case, …"
_ONE_OF_THEM = re.compile(r"\s*(?:In|During|On)\s+the\s+(?:first|second|third|fourth|former|latter|earlier|other)"
                          r"(?:\s+(?:one|case|attempt|launch|test|flight))?\s*,", re.IGNORECASE)


def not_its_outcome(text: str, start: int, at: int, end: int, value: str, earlier: bool) -> bool:
    """Whether the outcome word at ``at`` (to ``end``) in the sentence from ``start`` is an aim, a standard, tests in
    general, or (unless the launch is itself an ``earlier`` one) another launch's outcome."""
    lead = text[max(start, at - 60) : at]
    if _AIMED.search(lead) or (value == "success" and (_STANDARD.search(lead) or _IN_GENERAL.match(text, end))):
        return True
    if earlier:
        return False
    return bool(_SINCE_MONTH.search(text, start, at) or _ONE_OF_THEM.match(text, start))
