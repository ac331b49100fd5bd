"""Issue 17, round 17: when a page was published, as chat exports stamp their messages ("[14.01.2031 09:02] Channel:").
Every text here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted

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
