"""Check a citation against its document's text and re-anchor it by quote, prefix and suffix.

The work per citation is bounded whatever the text: the quote with its whole context is looked for first
(one C-speed search); only if that fails are occurrences of the quote scored, at most `MAX_CANDIDATES` of
them, chosen near the old offsets and where part of the context matches. 200 citations re-anchor in a
5 MB text where the quote occurs everywhere in well under a second.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from viewer.model.citation import AnchorStatus, Citation

MAX_CANDIDATES = 256  # occurrences scored per way of finding them; beyond, the context must tell


@dataclass(frozen=True)
class Anchoring:
    """A citation checked against a text: the citation with its status and offsets, and how sure that is.

    ``ties`` counts other places that fit the quote and its context exactly as well (0: unambiguous); with
    ``more_ties`` it is a lower bound (the quote is everywhere: only `MAX_CANDIDATES` places from the start of the
    text and as many around the old offsets were compared). ``context_moved`` is set when the quote was at the old
    offsets but its prefix and suffix fit better elsewhere.
    """

    citation: Citation
    ties: int = 0
    context_moved: bool = False
    more_ties: bool = False


def reanchor(citation: Citation, text: str | None) -> Citation:
    """The citation checked against ``text``: anchored where offsets, quote and context agree, re-anchored
    where the quote (with its context) is found elsewhere (the text changed), orphaned where it is gone or
    there is no text."""
    return anchor(citation, text).citation


def anchor(citation: Citation, text: str | None) -> Anchoring:
    """`reanchor`, with the ties and disagreements a reader warns about."""
    if text is None or not citation.exact:
        return Anchoring(citation.with_status(AnchorStatus.ORPHANED))
    exact, prefix, suffix = citation.exact, citation.prefix, citation.suffix
    at_offsets = 0 <= citation.start <= citation.end <= len(text) and text[citation.start : citation.end] == exact
    if at_offsets and _score(text, citation.start, citation) == len(prefix) + len(suffix):
        return Anchoring(citation.with_status(AnchorStatus.ANCHORED))
    best, ties, more_ties = best_occurrence(citation, text)
    if best is None:
        return Anchoring(citation.with_status(AnchorStatus.ORPHANED))
    if at_offsets and (best == citation.start
                       or _score(text, best, citation) <= _score(text, citation.start, citation)):
        return Anchoring(citation.with_status(AnchorStatus.ANCHORED))  # the old place fits as well as any other
    moved = citation.with_status(AnchorStatus.REANCHORED, best, best + len(exact))
    return Anchoring(moved, ties, context_moved=at_offsets, more_ties=more_ties and ties > 0)


def what_moved(before: Citation, after: Citation) -> str:
    """What re-anchoring ``before`` to ``after`` changed, as a warning says it: the start, or only the end (the
    quote is where the start says, but the end offset did not fit its length)."""
    if after.start != before.start:
        return f"re-anchored from {before.start} to {after.start}"
    return f"is at {before.start} as said, but ends at {after.end}, not {before.end}: end offset corrected"


def best_occurrence(citation: Citation, text: str) -> tuple[int | None, int, bool]:
    """(start of the occurrence of the quote whose surroundings best match prefix and suffix, number of other
    occurrences that match exactly as well, whether there may be more of those than counted); (None, 0, False)
    when the quote does not occur.

    Among equally good ones the nearest to the old offset wins, the copy the citation most probably meant. Where
    the quote is everywhere, the places compared are the first ones in the text and those around the old offset.
    """
    exact, prefix, suffix = citation.exact, citation.prefix, citation.suffix
    whole = prefix + exact + suffix
    finder = _finder(text)
    found = set(finder.occurrences(whole, 0)) if prefix or suffix else set()
    everywhere = len(found) >= MAX_CANDIDATES
    if everywhere:  # the first ones are not where the citation points: look around its old offset too
        found.update(_around(text, whole, citation.start - len(prefix), MAX_CANDIDATES))
    if found:
        starts = [at + len(prefix) for at in found]
        nearest = min(starts, key=lambda at: (abs(at - citation.start), at))
        return nearest, len(starts) - 1, everywhere
    candidates = set(finder.occurrences(exact, 0))
    everywhere = len(candidates) >= MAX_CANDIDATES
    if everywhere:  # the quote is everywhere: look where the context or the offsets point
        candidates.update(_around(text, exact, citation.start, MAX_CANDIDATES))
        for size in {len(prefix), min(len(prefix), 8)} - {0}:
            needle = prefix[-size:] + exact
            candidates.update(at + size for at in finder.occurrences(needle, 0))
            candidates.update(at + size for at in _around(text, needle, citation.start - size, MAX_CANDIDATES))
        for size in {len(suffix), min(len(suffix), 8)} - {0}:
            needle = exact + suffix[:size]
            candidates.update(finder.occurrences(needle, 0))
            candidates.update(_around(text, needle, citation.start, MAX_CANDIDATES))
    if not candidates:
        return None, 0, False
    scored = sorted((-_score(text, at, citation), abs(at - citation.start), at) for at in candidates)
    best_score = scored[0][0]
    ties = sum(1 for score, _, _ in scored[1:] if score == best_score)
    return scored[0][2], ties, everywhere


class _Finder:
    """The occurrences searched for in one text, remembered: the citations of one document often share a quote
    or context, and a search that fails scans the whole text."""

    def __init__(self, text: str):
        self.text = text
        self.found: dict[tuple[str, int], list[int]] = {}

    def occurrences(self, needle: str, start: int) -> list[int]:
        key = (needle, start)
        if key not in self.found:
            if len(self.found) > 10_000:
                self.found.clear()
            self.found[key] = _occurrences(self.text, needle, start, MAX_CANDIDATES)
        return self.found[key]


_recent = threading.local()  # the finder of the text last anchored in, per thread (loads run in workers)


def _finder(text: str) -> _Finder:
    finder = getattr(_recent, "finder", None)
    if finder is None or finder.text is not text:
        finder = _recent.finder = _Finder(text)
    return finder


def _occurrences(text: str, needle: str, start: int, limit: int) -> list[int]:
    """Starts of ``needle`` in ``text`` from ``start`` on, at most ``limit`` of them (overlapping ones too)."""
    found: list[int] = []
    at = text.find(needle, start)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _around(text: str, needle: str, at: int, limit: int) -> list[int]:
    """Starts of ``needle`` nearest ``at``: up to half of ``limit`` from ``at`` on, the rest just before it."""
    at = max(0, min(at, len(text)))
    found = _occurrences(text, needle, at, limit // 2)
    end = at + len(needle) - 1  # rfind below ``end``: occurrences that start before ``at``
    while len(found) < limit:
        before = text.rfind(needle, 0, end)
        if before == -1:
            break
        found.append(before)
        end = before + len(needle) - 1
    return found


def _score(text: str, at: int, citation: Citation) -> int:
    """How many characters of prefix and suffix fit around the quote at ``at`` (each compared outward)."""
    end = at + len(citation.exact)
    return (_common_suffix(text[max(0, at - len(citation.prefix)) : at], citation.prefix)
            + _common_prefix(text[end : end + len(citation.suffix)], citation.suffix))


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start of ``a`` and ``b``, by halving: a few slice comparisons, not a loop per character."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low
