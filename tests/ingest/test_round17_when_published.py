"""Issue 17, round 17: when a page was published, as chat exports stamp their messages ("[14.01.2031 09:02] Channel:").
Every text here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted, read

from viewer.ingest.datelines import find_dateline

EXPORT = (
    "Missile Monitor (chat channel) - export\n"
    "Exported from the desktop client; message times are the exporter's clock (UTC+3)\n\n"
    "[14.01.2031 09:02] Missile Monitor:\n"
    "JCS: North Korea has fired a ballistic missile toward the East Sea. Details pending.\n\n"
    "[14.01.2031 09:06] Missile Monitor:\n"
    "JCS update: the missile was launched from the Pyongyang area at about 14:55 Korea time.\n"
)


def test_a_chat_exports_first_bracketed_stamp_dates_the_page():
    found = find_dateline(EXPORT)
    assert found is not None
    assert found.value == date(2031, 1, 14)


def test_a_launch_timed_in_korea_in_a_chat_export_falls_on_its_stamps_day():
    lead = drafted(EXPORT)
    assert lead.date == date(2031, 1, 14)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 1, 14, 5, 55, tzinfo=UTC)


def test_a_bracketed_aside_before_a_stamp_is_still_an_aside():
    found = find_dateline("Wire digest\n[Defense pool] 2031.03.16 (Sun)\n\nNorth Korea fired a missile on Sunday.\n")
    assert found is not None
    assert found.value == date(2031, 3, 16)


def test_brackets_that_hold_no_date_give_no_date():
    found = find_dateline("Channel export\n[pinned message] Missile Monitor:\nNorth Korea fired a missile.\n")
    assert found is None or found.value is None


ATOM = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom">\n'
    "  <title>Wire - Breaking</title>\n"
    "  <updated>2031-02-19T08:15:40+09:00</updated>\n"
    "  <entry>\n"
    "    <title>N. Korea fires two short-range ballistic missiles: JCS</title>\n"
    "    <published>2031-02-19T08:02:11+09:00</published>\n"
    "    <updated>2031-02-19T08:15:40+09:00</updated>\n"
    '    <summary type="text">SEOUL, Feb. 19 -- North Korea fired two short-range ballistic missiles from the\n'
    "Sukchon area toward the East Sea at 7:44 a.m. today, the Joint Chiefs of Staff said.</summary>\n"
    "  </entry>\n"
    "</feed>\n"
)


def test_an_atom_feed_saved_as_text_is_read_as_a_feed_dated_by_its_entry():
    article = read(ATOM)
    assert "<entry>" not in article.text
    assert article.published == date(2031, 2, 19)
    assert article.title.startswith("N. Korea fires two")


def test_a_text_that_only_mentions_a_feed_is_still_text():
    text = "Notes on our <feed> markup, 19 February 2031\n\nNorth Korea fired a missile today.\n"
    assert read(text).text == text
