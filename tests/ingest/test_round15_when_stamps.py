"""Issue 17, round 15: the stamps of working documents and of copies as they arrive — a worksheet's 'Completed:',
a call note's 'When:', a shift diary's span, a clipping file's header, a French-desk dateline, a translated evening
edition. Every page here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest.body_stamps import body_stamps
from viewer.ingest.datelines import find_dateline


@pytest.mark.parametrize(("head", "day"), [
    # AFP's French desk: the month in French, day first
    ("SEOUL, 14 févr. 2031 (AFP) - North Korea fires a missile\n\nNorth Korea fired …", date(2031, 2, 14)),
    ("TOKYO, 3 août 2031 (AFP) - Missile lands off Japan\n\nA missile …", date(2031, 8, 3)),
    # a translated Japanese edition: the era's year, the Gregorian one in brackets, the page after it
    ("[Translation] Evening edition, 5 September, Reiwa 13 (2031), page 1\n\nHeadline\n", date(2031, 9, 5)),
    # a byline and its date two spaces apart
    ("Debris warning\n\nBy Ana Reyes  November 24, 2031, 5:48 pm\n\nMANILA \u2013 The agency …", date(2031, 11, 24)),
    # a newsletter's italic date line
    ("# The Ledger — No. 12\n\n*Sunday, 5 October 2031 · a weekly letter on launches*\n\n---\n", date(2031, 10, 5)),
    # a trip report's, a worksheet's and a call note's labelled stamps among other fields
    ("TRIP REPORT\nEvent: Symposium, Tokyo, 12\u201313 November 2031\nAuthor: R. Diaz   Circulated: 15 November 2031   "
     "Distribution: team\n", date(2031, 11, 15)),
    ("FACT-CHECK WORKSHEET\nClaim checked: \"a missile over Japan on 4 April 2031\" (viral post)\n"
     "Checker: L. Ortiz    Completed: 7 April 2031\n", date(2031, 4, 7)),
    ("CALL NOTES\nCall with: M. Ono (stringer)    Taken by: C. Ruiz    When: Sat 29 July 2031, 01:10\u201301:35 JST\n",
     date(2031, 7, 29)),
    # minutes dated with the meeting's span; a night shift's two days (the first is the diary's)
    ("ASIA DESK — MINUTES\nMonday 6 October 2031, 10:30\u201311:05 (Seoul bureau, video link)\nPresent: H. Lee\n",
     date(2031, 10, 6)),
    ("ASIA DESK — MINUTES\nMonday 6 October 2031, 10:30\u201311:05 (Seoul bureau, video link to London and Tokyo)\n",
     date(2031, 10, 6)),
    ("DESK DIARY — night shift\nTue 21 Nov 2031 → Wed 22 Nov 2031   (kept by: E. Berg)   Clock: JST\n",
     date(2031, 11, 21)),
    # a Korean daily's "Input" stamp after the source's own sentence
    ("[Translated]\nSource: a daily, online edition. Input 2031.07.09 17:22 | Revised 2031.07.09 19:05\n\nHeadline\n",
     date(2031, 7, 9)),
    # a clipping file's and a spreadsheet export's header lines
    ("=== CLIPPING FILE: launches, March 2031 ===\n=== added by H. Sato, 10 March 2031; wire text pasted below ===\n",
     date(2031, 3, 10)),
    ("# timeline_2031.xlsx — sheet \"Nov\" exported as CSV by the desk on 6 Nov 2031\ndate,time_kst,area\n",
     date(2031, 11, 6)),
    # a rolling page's stamp and the sentence after it
    ("What we know so far\n\nLast updated: Wednesday 12 December 2031, 16:30 KST (07:30 GMT). This page is updated "
     "as information is confirmed.\n", date(2031, 12, 12)),
])
def test_a_working_documents_stamp_dates_it(head, day):
    dateline = find_dateline(head)
    assert dateline is not None
    assert dateline.value == day


@pytest.mark.parametrize("head", [
    # prose in the first lines, a claim quoted, an event's dates: none is the page's stamp
    "FACT-CHECK\nClaim checked: \"North Korea fired a missile over Japan on 4 April 2031\" (viral post)\n",
    "TRIP REPORT\nEvent: Annual Missile Defence Symposium, Tokyo, 12\u201313 November 2031\n",
    "Notes\nThe desk said it issued a statement on 9 March 2031 about the launch and more.\n",
])
def test_a_date_in_a_head_line_that_is_not_a_stamp_is_not_read(head):
    dateline = find_dateline(head)
    assert dateline is None or dateline.value is None


def test_a_pasted_clips_source_line_dates_the_clip_under_it():
    text = ("=== CLIPPING FILE ===\n\n--- clip 1 --- [English wire, Seoul, 3 March 2031, 14:20 KST] ---\n"
            "North Korea fired two projectiles on Monday.\n\n"
            "--- clip 2 --- [English wire, Seoul, 10 March 2031, 10:05 KST] ---\nIt fired three more on Monday.\n")
    stamps = body_stamps(text, 0)
    assert [day for _, day in stamps] == [date(2031, 3, 3), date(2031, 3, 10)]
    assert stamps[0][0] < text.index("two projectiles") < stamps[1][0] < text.index("three more")


def test_each_clip_s_monday_is_the_monday_of_its_own_wire_story():
    from story import drafted

    text = ("=== CLIPPING FILE: launches, March 2031 ===\n"
            "=== added by H. Sato, 12 March 2031; wire text pasted below each header ===\n\n"
            "--- clip 1 --- [English wire, Seoul, 3 March 2031, 14:20 KST] ---\n"
            "North Korea fired two short-range projectiles into the sea off its east coast on Monday, South Korea's "
            "military said. The projectiles were launched from the Wonsan area at 12:37 p.m.\n")
    assert drafted(text).date == date(2031, 3, 3)  # not the Monday before the file's own date, 10 March


def test_a_status_as_of_a_day_is_not_a_launch_on_it():
    from story import drafted

    text = ("WORKSHEET\nCompleted: 7 April 2031\n\n"
            "North Korea fired one ballistic missile from the vicinity of Sinpo on Wednesday 5 April 2031 (Korea "
            "time), South Korea's JCS said.\n\n[ ] KCNA — no report of the launch as of 7 April\n")
    lead = drafted(text)
    assert lead.date == date(2031, 4, 5)
    assert date(2031, 4, 7) not in {d.date for d in lead.others}


def test_the_day_a_launch_window_was_extended_is_not_a_launch_day():
    from viewer.ingest.statement_days import statement_day
    from viewer.ingest.times import find_dates

    text = "On Monday the North extended its launch window to 29 December, citing a technical problem."
    monday = find_dates(text, 0, len(text), date(2031, 12, 10))[0]
    assert statement_day(text, monday, 0)


def test_an_extended_range_missile_under_a_day_is_no_window_extended():
    from viewer.ingest.statement_days import statement_day
    from viewer.ingest.times import find_dates

    text = "March 6 - Four extended-range Scuds are fired from the Tongchang-ri area."
    march_6 = find_dates(text, 0, len(text), date(2031, 12, 29))[0]
    assert not statement_day(text, march_6, 0)
