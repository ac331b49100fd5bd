"""Issue 17, round 12: places an alert sentence names in passing are not warning areas — the capital whose system
sent the alert ('Tokyo's J-Alert went to …', 'Tokyo briefly pushed an alert for …') and islands where interceptor
units are ('PAC-3 batteries on Ishigaki and Miyako islands stood by'). Every story here was written for the test."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes

LEDE = ("SEOUL, 14 April 2026 (Yonhap) -- North Korea fired a long-range rocket from the Sohae site on Tuesday "
        "morning, the Joint Chiefs of Staff said. It flew south over the Yellow Sea.\n\n")


def warning_places(text: str) -> set[str]:
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))
    assert draft is not None
    return {f.place for f in draft.features if f.kind == "warning_area"}


def test_the_capital_whose_alert_system_sent_the_warning_is_not_alerted():
    places = warning_places(LEDE + "Tokyo's J-Alert went out to Okinawa Prefecture minutes later.\n")
    assert "tokyo" not in places
    assert "okinawa-prefecture" in places


def test_a_capital_that_pushed_an_alert_is_the_sender():
    places = warning_places(LEDE + "Tokyo briefly pushed a J-Alert for Okinawa Prefecture and then cleared it.\n")
    assert "tokyo" not in places
    assert "okinawa-prefecture" in places


def test_islands_where_interceptor_units_stand_are_not_alerted():
    places = warning_places(LEDE + "Japan issued a J-Alert for Okinawa Prefecture, while PAC-3 batteries on "
                                   "Ishigaki and Miyako islands stood by without firing.\n")
    assert "miyako-islands" not in places
    assert "okinawa-prefecture" in places
