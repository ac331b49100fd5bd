"""Issue 17, round 12: a debate about North Korea's right to launch, with no launch in it ('defended its right to
launch satellites', 'the decision to launch'), drafts nothing. Every story here was written for the test."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def draft_of(text: str):
    return draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))


def test_a_debate_on_the_right_to_launch_is_not_a_launch():
    text = ("UN panel hears Pyongyang's case on rockets\n\n"
            "NEW YORK, 9 March 2026 — North Korea's deputy envoy on Monday insisted on his government's "
            "right to launch rockets into space, drawing sharp replies from Washington and Seoul.\n\n"
            "South Korea's delegate said residents of Jeju had been told to take shelter during past flights.\n")
    assert draft_of(text) is None


def test_a_launch_reported_after_a_to_infinitive_elsewhere_is_still_drafted():
    text = ("North Korea fires missile\n\n"
            "SEOUL, 9 March 2026 (Yonhap) -- North Korea fired a short-range ballistic missile from near Pyongyang "
            "into the East Sea on Monday, the Joint Chiefs of Staff said.\n\n"
            "Analysts said the North's decision to launch came as allied drills began.\n")
    draft = draft_of(text)
    assert draft is not None
    assert draft.date is not None
    assert draft.date.isoformat() == "2026-03-09"
