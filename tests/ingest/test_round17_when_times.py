"""Issue 17, round 17: when, as threads and relays write it — a quoted wire flash whose clock time and its zone's day
run over two quoted lines, a story whose other sentences name the wrong day. Every text here was written for the
test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted

from viewer.ingest.sentences import split_sentences
from viewer.ingest.times import find_times

THREAD = (
    "forum/world · Posted by u/reader · 16 May 2031\n\n"
    "Rocket launch fails over the sea\n\n"
    "> FLASH (wire, 0012 GMT): North Korea launched a long-range rocket at 7:39 a.m. local time (2239\n"
    "> GMT Thursday) from the Tongchang-ri site on its northwest coast, South Korea's defence ministry\n"
    "> said. The rocket broke into several pieces a minute or two after lift-off.\n\n"
    "u/other · 16 May 2031\n"
    'People keep calling it the "Thursday launch", it was Friday morning over there.\n'
)


def test_a_bracket_left_open_at_a_lines_end_goes_on_with_the_next_line():
    sentences = [THREAD[s.start : s.end] for s in split_sentences(THREAD)]
    assert any("(2239\n> GMT Thursday)" in s for s in sentences)


def test_a_clock_time_and_its_zone_on_two_quoted_lines_are_one_time():
    start = THREAD.index("(2239")
    times = find_times(THREAD, start, start + 20)
    assert [(t.hour, t.minute, t.zone) for t in times] == [(22, 39, "UTC")]


def test_another_zones_clock_and_day_fix_the_instant_and_the_local_date():
    lead = drafted(THREAD)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 5, 15, 22, 39, tzinfo=UTC)
    assert lead.date == date(2031, 5, 16)  # Friday morning in Korea, Thursday in Greenwich


def test_a_wire_flashs_own_stamp_is_not_the_launchs_instant():
    text = THREAD.replace("local time (2239\n> GMT Thursday)", "local time Friday")
    lead = drafted(text)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) != datetime(2031, 5, 15, 0, 12, tzinfo=UTC)


POSTS = (
    "Thread by @watcher (Missile Notes)\n"
    "Exported 2031-03-09; timestamps as shown to the exporter (US Pacific, PST)\n\n"
    "1/4 Japan MOD flash: North Korea has launched a ballistic missile. More to follow.\n"
    "  \u2014 @watcher \u00b7 Mar 8, 2031 \u00b7 12:31 AM PST\n\n"
    "2/4 Timing: launch at 16:22 KST from the Sunan area, late afternoon Saturday. Daylight launch, unusual for a\n"
    "long-range shot.\n"
    "  \u2014 @watcher \u00b7 Mar 8, 2031 \u00b7 12:44 AM PST\n\n"
    "3/4 Quoting @tokyo_desk:\n"
    "  > Missile appears to have fallen at around 18:27 within Japan's EEZ.\n"
    "  (Mar 8, 2031 \u00b7 18:52 JST)\n"
    "  \u2014 @watcher \u00b7 Mar 8, 2031 \u00b7 1:55 AM PST\n\n"
    "4/4 CORRECTION to 2/4: the launch time was 17:22 KST (= 08:22 UTC), not 16:22. Sorry all.\n"
    "  \u2014 @watcher \u00b7 Mar 8, 2031 \u00b7 2:03 AM PST\n"
)


def test_a_posts_own_stamp_is_not_the_launchs_time_and_a_correction_post_wins():
    lead = drafted(POSTS)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 8, 8, 22, tzinfo=UTC)


def test_without_the_correction_the_first_stated_time_stands_not_a_posts_stamp():
    text = POSTS[: POSTS.index("4/4")]
    lead = drafted(text)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 8, 7, 22, tzinfo=UTC)


def test_the_time_a_correction_withdraws_is_not_the_launchs():
    text = (
        "SEOUL, March 8, 2031 (Wire) - North Korea fired a ballistic missile from the Sunan area on Saturday, the "
        "military said.\n\nCorrection: An earlier version of this story gave the launch time as 6:57 a.m. Seoul "
        "time.\n"
    )
    lead = drafted(text)
    assert lead.time is None


LOG = (
    "WATCH LOG - notes from a ship-tracking hobbyist\n"
    "Posted 21 Oct 2031, 14:30 KST. Times are UTC (Z) unless marked KST.\n\n"
    "20 Oct, 1900Z  Last position for the coastal tanker puts it alongside at the Sinpo South Shipyard.\n"
    '20 Oct, 2145Z  Fishing cooperatives relay a coast guard message: "a missile has been launched from North Korea".\n'
    "20 Oct, 2150Z  JCS via the press: an SLBM-type missile fired from waters near the Sinpo South\n"
    "               Shipyard at 06:12 KST on the 21st, toward the East Sea. About 650 km, apogee about\n"
    "               70 km.\n"
)


def test_a_log_entry_runs_on_under_its_text_past_its_stamp():
    sentences = [LOG[s.start : s.end] for s in split_sentences(LOG)]
    assert any("Sinpo South\n               Shipyard at 06:12 KST" in s for s in sentences)


def test_a_logs_rows_laid_out_in_columns_stay_lines():
    rows = "Date     Time    Site\n25 Sep   06:53   Taechon\n         07:10   Sunan\n"
    sentences = [rows[s.start : s.end] for s in split_sentences(rows)]
    assert "07:10   Sunan" in sentences[-1]
    assert "Taechon" not in sentences[-1]


def test_a_log_entrys_stated_launch_time_wins_over_the_entrys_stamp():
    lead = drafted(LOG)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 10, 20, 21, 12, tzinfo=UTC)


CORRECTIONS = (
    "Corrections and clarifications\n\nThursday, March 20, 2031\n\n"
    "\u2022 An article on Tuesday about North Korea's latest missile launch misstated the day it took place. The "
    "short-range ballistic missiles were fired on Monday, March 17, not on Sunday. South Korea's Joint Chiefs of "
    "Staff said they flew about 300 km after being launched from the Pyongyang area at about 7:44 a.m. toward the "
    "East Sea.\n\n"
    "\u2022 A headline on Wednesday's business page misstated the central bank's policy rate.\n"
)


def test_a_corrections_withdrawn_day_and_the_day_a_story_ran_are_not_the_launchs():
    lead = drafted(CORRECTIONS)
    assert lead.date == date(2031, 3, 17)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 16, 22, 44, tzinfo=UTC)


def test_the_day_a_count_of_days_runs_from_is_not_the_launchs():
    text = (
        "LIVE | North Korea fires a missile\nDesk Live - last updated Thursday, November 6, 2031\n"
        "All times are Korea Standard Time (KST)\n\n"
        "\u2022 North Korea fired a ballistic missile from the Sunan area of Pyongyang at 07:40, the Joint Chiefs of "
        "Staff said.\n"
        "\u2022 The launch comes a day after Wednesday's record barrage of short-range missiles.\n"
    )
    lead = drafted(text)
    assert lead.date == date(2031, 11, 6)


def test_the_last_launch_recorded_on_a_day_lends_that_day_to_no_other_launch():
    text = (
        "SEOUL, January 6. /WIRE/. North Korea on Monday launched an intermediate-range ballistic missile from the "
        "area of Pyongyang, the Joint Chiefs of Staff said.\n\n"
        "The launch was detected at about 12:00 local time.\n\n"
        "It is the first North Korean missile launch this year. The last launch of a ballistic missile by Pyongyang "
        "was recorded on November 5, 2024, when it fired several short-range missiles.\n"
    )
    lead = drafted(text)
    assert "2024-11-05" not in [c.value for c in lead.claims if c.property == "date"]


def test_a_bare_clock_told_as_koreas_by_the_day_and_place_after_it_is_koreas():
    text = (
        "Station News Washington \u00b7 Posted 11/25/2031 2:05 PM EST\n\n"
        "WASHINGTON \u2014 North Korea launched an intercontinental ballistic missile on Tuesday, the Pentagon "
        "said.\n\n"
        "Because of the time difference, the launch took place at 3:17 a.m. Wednesday in North Korea, from the "
        "Pyongsong area.\n"
    )
    lead = drafted(text)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 11, 25, 18, 17, tzinfo=UTC)
