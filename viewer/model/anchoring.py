"""Check a citation against its document's text and re-anchor it by quote, prefix and suffix."""

from __future__ import annotations

from viewer.model.citation import AnchorStatus, Citation


def reanchor(citation: Citation, text: str | None) -> Citation:
    """The citation checked against ``text``: anchored where offsets and quote agree, re-anchored where
    the quote is found elsewhere (the text changed), orphaned where it is gone or there is no text."""
    if text is None or not citation.exact:
        return citation.with_status(AnchorStatus.ORPHANED)
    if 0 <= citation.start <= citation.end <= len(text) and text[citation.start : citation.end] == citation.exact:
        return citation.with_status(AnchorStatus.ANCHORED)
    start = best_occurrence(citation, text)
    if start is None:
        return citation.with_status(AnchorStatus.ORPHANED)
    return citation.with_status(AnchorStatus.REANCHORED, start, start + len(citation.exact))


def best_occurrence(citation: Citation, text: str) -> int | None:
    """Start of the occurrence of the quote whose surroundings best match prefix and suffix.

    Ties go to the occurrence nearest the old offset, so a quote repeated in an article re-anchors to
    the copy the citation most probably meant.
    """
    best: tuple[int, int, int] | None = None  # (-context score, distance from old start, start)
    at = text.find(citation.exact)
    while at != -1:
        end = at + len(citation.exact)
        score = _common_suffix(text[max(0, at - len(citation.prefix)) : at], citation.prefix)
        score += _common_prefix(text[end : end + len(citation.suffix)], citation.suffix)
        candidate = (-score, abs(at - citation.start), at)
        if best is None or candidate < best:
            best = candidate
        at = text.find(citation.exact, at + 1)
    return None if best is None else best[2]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
