"""Issue 17, round 6: wrong drafts hurt more than misses — a guessed site, another launch's outcome, a false alarm
drafted as a launch. Every sentence here was written for the test."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def article(text: str, name: str = "story.txt"):
    return article_from_bytes(text.encode("utf-8"), Path(name), "doc-story")


def test_a_missile_named_in_passing_in_a_story_that_says_space_gets_no_satellite_site():
    text = ("SYDNEY, 15 March 2021 (Wire) - North Korea launched a ballistic missile from near Sinpo on Monday "
            "morning that climbed more than 1,500 kilometres into space, officials in Seoul said.\n\n"
            "It came ten days after a missile fired on March 5 broke up shortly after launch.\n")
    draft = draft_article(article(text))
    assert draft is not None
    [other] = [d for d in draft.others if d.date and d.date.isoformat() == "2021-03-05"]
    assert not any(f.kind == "launch_site" for f in other.features)
