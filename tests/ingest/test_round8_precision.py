"""Issue 17, round 8: wrong drafts the fifth blind round showed, fixed by class. Every sentence here was written
for the test."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def alerted(text: str) -> set[str | None]:
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))
    assert draft is not None
    return {f.place for f in draft.features if f.kind == "warning_area"}


def test_a_city_that_gave_a_time_or_believes_something_speaks_and_is_not_alerted():
    text = ("North Korea fires missile over Japan\nJune 2, 2027\n\n"
            "North Korea launched a ballistic missile from Sohae on Wednesday morning, and a J-Alert told residents "
            "of Hokkaido to take shelter after what Seoul believes was a new rocket. Tokyo gave the launch time as "
            "6:12 a.m. and said a J-Alert went out for Aomori.\n")
    assert alerted(text) == {"hokkaido", "aomori-prefecture"}


def test_a_dateline_city_before_a_dash_is_where_the_story_was_filed():
    text = ("TOKYO \u2014 People in Hokkaido were told to take shelter on Wednesday after North Korea launched a "
            "ballistic missile from Sohae, Japan's government said.\n\nThe missile flew east.\n")
    assert alerted(text) == {"hokkaido"}


def test_islands_inside_an_alerted_prefecture_are_part_of_its_alert_but_an_island_group_is_named():
    text = ("North Korea fires rocket south\nJune 2, 2027\n\n"
            "North Korea launched a rocket from Sohae on Wednesday morning. The government sent a J-Alert to "
            "Okinawa, where people on Ishigaki and Miyako were told to stay indoors.\n")
    assert alerted(text) == {"okinawa-prefecture"}
    group = text.replace("people on Ishigaki and Miyako", "people on the Sakishima islands")
    assert alerted(group) == {"okinawa-prefecture", "sakishima-islands"}


def test_a_saved_pages_related_stories_are_other_stories_not_this_launch():
    text = ("North Korea fires ICBM on lofted path\nJune 2, 2027\n\n"
            "North Korea launched an intercontinental ballistic missile from Sunan on Wednesday morning, South "
            "Korea's military said. It flew east for 80 minutes.\n\n"
            "Related stories\n"
            "  - Satellite rocket blows up shortly after lift-off, Seoul says  May 3, 2027\n"
            "  - North fires cruise missiles off west coast  April 20, 2027\n\n"
            "## See also\n\n"
            "* [[2026 satellite launch]] (9 April 2026)\n")
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("page.txt"), "doc-page"))
    assert draft is not None
    assert draft.outcome is None
    assert draft.date is not None
    assert draft.date.isoformat() == "2027-06-02"
    assert [d.date for d in draft.others] == []


def test_a_list_under_a_heading_of_the_story_is_still_read():
    from viewer.ingest.sentences import split_sentences

    text = "Key facts\n- The missile flew 950 km.\n- It fell outside Japan's EEZ.\n"
    assert len(split_sentences(text)) == 3


def test_a_launch_named_with_another_month_and_year_is_history_not_news():
    text = ("RADIO NEWS\nBroadcast: June 2, 2027\n\n"
            "North Korea has told Japan it plans to put a satellite into orbit next week. "
            "North Korea's most recent satellite launch was in March 2026.\n")
    assert draft_article(article_from_bytes(text.encode("utf-8"), Path("radio.txt"), "doc-radio")) is None


def test_the_day_a_warning_was_given_is_not_the_launch_day():
    text = ("Manila (Wire) - Coast guards warned fishermen and ships on Friday that debris from the rocket North "
            "Korea fired this week may have fallen near Samar.\n\n"
            "North Korea launched the rocket from Sohae on Tuesday night, June 1, 2027.\n")
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("wire.txt"), "doc-wire"))
    assert draft is not None
    assert [d.date.isoformat() for d in (draft, *draft.others) if d.date] == ["2027-06-01"]


def test_a_notices_window_retold_in_a_story_is_not_another_launch():
    text = ("North Korea fires rocket inside notified window\nUpdated: 2 June 2027, 15:00 KST\n\n"
            "SEOUL -- North Korea launched a rocket from Sohae on Wednesday, South Korea's military said.\n\n"
            "The military said the rocket was detected at 9:40 a.m. and flew south.\n\n"
            "A coast guard had relayed the warning on Monday: rocket firing in two areas between 9 a.m. and 2 p.m. "
            "Korea time each day from Tuesday to Thursday.\n")
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))
    assert draft is not None
    assert draft.date is not None
    assert draft.date.isoformat() == "2027-06-02"
    assert draft.time is not None
    assert draft.time.astimezone(UTC).isoformat() == "2027-06-02T00:40:00+00:00"
    assert draft.others == []


def test_a_line_wrapped_by_hand_mid_sentence_is_one_sentence():
    from viewer.ingest.sentences import split_sentences

    text = ("U.S. officials said the rocket was heading south when, about 50 seconds into its\n"
            "flight, it failed. It lifted off from the coast before dawn on\n"
            "2 June 2027.\n"
            "Short heading\n"
            "next line\n\n"
            "| **Date** | 2 June 2027 and the table cell runs on past fifty characters |\n"
            "next row\n")
    found = [text[s.start:s.end] for s in split_sentences(text)]
    assert found[0].endswith("into its\nflight, it failed.")
    assert found[1] == "It lifted off from the coast before dawn on\n2 June 2027."
    assert "Short heading" in found  # a short line is a line of its own
    assert "next line" in found
    assert "next row" in found  # a table row is not wrapped prose


def test_the_day_someone_died_is_not_a_launch_day():
    text = ("SEOUL, June 3, 2027 (Wire) - North Korea fired two short-range missiles from Sunchon on Thursday "
            "afternoon, the military said.\n\n"
            "The launch came as the president was mourning his mother, who died on Tuesday.\n")
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("wire.txt"), "doc-wire"))
    assert draft is not None
    assert [d.date.isoformat() for d in (draft, *draft.others) if d.date] == ["2027-06-03"]
