"""Issue 17, round 15: launches in analysts' working documents — call notes that name the launch site but never the
country, a notebook with a heading per launch. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted, read

from viewer.ingest import draft_article


def test_call_notes_that_name_only_the_site_and_state_media_report_the_launch():
    text = ("CALL NOTES - typed up from handwritten notes\n"
            "Call with: our Tokyo stringer    When: Sat 12 April 2031, 01:10 JST\n\n"
            "- Launch late last night. Tokyo's first government word: ballistic missile launched at about 23:12 JST. "
            "Seoul has 23:11 from Mupyong-ri, Jagang Province.\n"
            "- KCNA: nothing yet; expect morning.\n")
    draft = drafted(text)
    assert draft.time is not None
    assert draft.time.isoformat() == "2031-04-11T23:12:00+09:00"
    assert next(f.place for f in draft.features if f.kind == "launch_site") == "mupyong-ri"


def test_a_name_of_a_place_alone_drafts_nothing_without_a_launch():
    text = ("CALL NOTES\nWhen: Sat 12 April 2031\n\n- Imagery of a new garage at Mupyong-ri, Jagang Province. "
            "KCNA silent.\n")
    assert draft_article(read(text)) is None
