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
