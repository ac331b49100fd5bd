"""Issue 17, round 19: the launch's time in working documents: a duty log's local times ('0412L'); a chat message's
own stamp (when it was written, not when the missile flew) and a log line's opening clock, which gives way to the
launch time a later line gives; a chat's later correction of a mistyped minute ('JCS says 6:48, not 6:46'). Every
text here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted

DUTY_LOG = (
    "NIGHT DUTY LOG - harbour bureau\n"
    "Tue 14 Oct 2031                       Times: L = local (KST) throughout\n\n"
    "0100L  Quiet.\n"
    "0420L  Pager: JCS text - North Korea fired a ballistic missile from the Sinpo area toward the East Sea at about\n"
    "       0412L. Details to follow.\n"
    "0435L  JCS: flew about 450 km.\n"
)


def test_a_logs_local_time_is_the_launchs_in_korea():
    lead = drafted(DUTY_LOG)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 10, 13, 19, 12, tzinfo=UTC)


def test_a_log_lines_own_clock_gives_way_to_the_launch_time_a_later_line_gives():
    lead = drafted(
        "NIGHT DUTY LOG - harbour bureau\n"
        "Tue 14 Oct 2031                       Times: L = local (KST) throughout\n\n"
        "0420L  Pager: JCS text - North Korea fired a ballistic missile from the Sinpo area toward the East Sea.\n"
        "0426L  JCS follow-up: launch detected at approx 0413L. Flew about 450 km.\n")
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 10, 13, 19, 13, tzinfo=UTC)


CHAT = (
    "Chat export - #launch-desk\n"
    "Saturday, March 8th, 2031 (times shown in Asia/Seoul)\n\n"
    "[6:55 AM] Mina Cho: JCS: North Korea fired a ballistic missile toward the East Sea.\n"
    "[6:58 AM] Mina Cho: second text: launched around 6:46 from the Sunan area. More to come\n"
    "[7:02 AM] Leo Brandt: thanks\n"
    "[7:20 AM] Mina Cho: correction to my 6:58 - I misread it. JCS says 6:48, not 6:46. Sorry\n"
)


def test_a_chat_messages_stamp_is_not_the_launch_time_and_a_later_line_corrects_the_minute():
    lead = drafted(CHAT)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 7, 21, 48, tzinfo=UTC)


def test_a_correction_of_another_moments_clock_leaves_the_launchs():
    lead = drafted(CHAT.replace("JCS says 6:48, not 6:46", "the alert went out at 6:52, not 6:46"))
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 7, 21, 46, tzinfo=UTC)


def test_a_utc_logs_line_clocks_do_not_move_the_launch_to_the_next_day():
    # (a page stamped in UTC may tell Korea's next day; a log line's own clock is not the launch's to tell it by)
    lead = drafted(
        "Watcher's log - aircraft feeds\n"
        "Posted 14 Oct 2031, 08:15 UTC. Times in UTC (Z) unless marked KST.\n\n"
        "2140Z         Tanker out of the base as well.\n"
        "2210Z         JCS flash via the alert feed: ballistic missile launch, East Sea.\n"
        "2230Z         JCS details: the missile was fired at 6:12 a.m. KST from the Sunan area of Pyongyang.\n\n"
        "Post-shift note: that's twice this year (the other was 16 March, when a launch from Sunan failed).\n")
    assert lead.date == date(2031, 10, 14)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 10, 13, 21, 12, tzinfo=UTC)


def test_an_l_time_is_read_only_where_the_text_says_l_is_local():
    from viewer.ingest.times import find_times

    said = "Times: L = local throughout.\nThe missile was launched at about 0412L."
    assert [(t.hour, t.minute, t.zone) for t in find_times(said, 0, len(said))] == [(4, 12, "local time")]
    unsaid = "The launcher truck carried a 1200L fuel tank."
    assert find_times(unsaid, 0, len(unsaid)) == []
