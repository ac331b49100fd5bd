"""Issue 17, round 19: when a working document was written, as its head line says so ('Prepared: …', 'As of …',
'Last updated … by …', 'Exported by: … on …', 'Compiled for …, <date>.', a rundown's 'WED 2031.05.14').
Every text here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from story import drafted, read

LAUNCH = "\n\nNorth Korea fired a ballistic missile from the Sunan area toward the East Sea, the JCS said.\n"


@pytest.mark.parametrize(("head", "day"), [
    ("HARBOUR DESK - WEEKLY PLANNER\nPrepared: 14 October 2031\nDesk: Busan", date(2031, 10, 14)),
    ("FLASH REPORT NO. 4\nAs of: 02 NOV 2031, 0600 KST (2100Z)\nFrom: the night editor", date(2031, 11, 2)),
    ("Route notes\nAs of 9 Sep 2031. Times are KST unless marked.", date(2031, 9, 9)),
    ("Glossary for interns. Last updated 5 April 2031 by the archive team.", date(2031, 4, 5)),
    ("Timeline export\nExported by: J. Okafor on 23/08/2031 17:40 (UTC+09:00)", date(2031, 8, 23)),
    ("# Tab: flights | exported 2031-06-30 from the shared workbook | times local", date(2031, 6, 30)),
    ("Deck: \"Quarter in review\"\nPrepared for the coastal agencies' liaison meeting, 4 March 2031\n",
     date(2031, 3, 4)),
    ("Clippings on the rail launcher\nCompiled for the station's research shelf, 17 May 2031. Notes are ours.",
     date(2031, 5, 17)),
    ("Help page - rockets\n\nArchive team \u00b7 Last reviewed: July 8, 2031", date(2031, 7, 8)),
    ("EVENING BULLETIN\nFor broadcast: 21 JAN 2031, 1900 KST (1000 GMT). Length 0'50\"", date(2031, 1, 21)),
    ("LATE NEWS - AS AIRED\nWED 2031.05.14   ON AIR 22:00-22:30 KST   STUDIO B", date(2031, 5, 14)),
])
def test_a_working_documents_head_line_dates_it(head, day):
    assert read(head + LAUNCH).published == day


def test_first_published_is_read_before_last_modified():
    head = ("Live: the launch as it happened\n\nFirst published on Sat 11 Oct 2031 22.10 BST\n"
            "Last modified on Sun 12 Oct 2031 03.15 BST\n")
    assert read(head + LAUNCH).published == date(2031, 10, 11)


@pytest.mark.parametrize("head", [
    "Notes\nExported by: J. Okafor on 03/08/2031 17:40",  # day-first or month-first cannot be told
    "As of March 3, 2031, the North had not announced a test window for the rocket",  # prose, not a stamp
    "Prepared for the briefing the ministry will give on 4 March 2031 to the committee and the press",
])
def test_a_date_that_is_not_a_stamp_dates_nothing(head):
    assert read(head + LAUNCH).published is None


def test_a_lists_preface_for_all_its_launches_is_not_a_launch_of_its_own():
    """(it names no day: as a launch it would take the list's own date)"""
    lead = drafted(
        "QUICK REFERENCE: rockets from the west coast (for new staff)\n"
        "Version 2 \u2014 updated 20 June 2031 by the research desk. One line each.\n\n"
        "All launches below lifted off from the Sohae Satellite Launching Station at Tongchang-ri and flew south over "
        "the Yellow Sea.\n\n"
        "\u2022 3 March 2030 \u2014 Unha-9. Lift-off 9:12 a.m. KST. Reached orbit. J-Alert: Okinawa Prefecture.\n"
        "\u2022 8 August 2030 \u2014 Unha-9 (second). 4:05 a.m. KST. Failure in second-stage flight. J-Alert: Okinawa "
        "Prefecture.\n"
        "\u2022 1 May 2031 \u2014 Unha-9 (third). 11:30 p.m. KST per JCS. Failure: exploded during first-stage flight. "
        "J-Alert: Okinawa Prefecture.\n")
    assert [d.date for d in (lead, *lead.others)] == [date(2030, 3, 3), date(2030, 8, 8), date(2031, 5, 1)]


def test_a_two_digit_year_is_read_when_the_weekday_beside_it_fits():
    assert read("notes - Tue 14 Oct 31, 0640 (KST)\nre: this morning's launch" + LAUNCH).published == date(2031, 10, 14)
    # (14 October 2031 is a Tuesday, not a Monday: the year is not guessed)
    assert read("notes - Mon 14 Oct 31, 0640 (KST)\nre: this morning's launch" + LAUNCH).published is None


def test_a_logs_filed_stamp_at_its_foot_dates_it():
    text = ("WATCH LOG - night shift\nAll times Z.\n\n2205Z  Routine checks.\n2240Z  Nothing further." + LAUNCH
            + "\nFiled: 15 OCT 31 0605Z\n")
    assert read(text).published == date(2031, 10, 15)


@pytest.mark.parametrize(("head", "day"), [
    ("LAUNCH NOTES - a monthly log\nNo. 88 \u00b7 compiled 2031-11-30 \u00b7 all times UTC", date(2031, 11, 30)),
    ("[MAP] THE FLIGHT\nCaption layer \u2014 words as set on the map. Art desk, 12 May 2031\n\n"
     "TITLE: Rocket launch, 11 May 2031", date(2031, 5, 12)),
    ("HARBOUR RADIO - NEWS (English), 07:00 KST bulletin, Thursday, May 22nd, 2031", date(2031, 5, 22)),
    ("HARBOUR DAILY EDITORIAL\nJuche 120 (2031) October 17, Friday", date(2031, 10, 17)),
    ("TV SPECIAL - TRANSLATION\nMonitored: Harbour Television, 9 June 2031, broadcast at 15:00 local time",
     date(2031, 6, 9)),
])
def test_a_pages_own_stamp_wins_over_a_later_date_line(head, day):
    assert read(head + LAUNCH).published == day


def test_a_gallery_of_datelined_captions_is_dated_by_its_own_stamp():
    text = ("IN PICTURES: the year in launches\n\nPhoto desk \u00b7 Posted December 30, 2031\n\n1 of 2\n"
            "SINPO, March 3, 2031 \u2014 A missile rises from the sea in a photo released by state "
            "media.\n\n2 of 2\nPYONGYANG, June 9, 2031 \u2014 A rocket climbs from the airport in a photo released "
            "the next day.\n")
    assert read(text).published == date(2031, 12, 30)


def test_a_pages_dated_address_on_a_line_of_its_own_dates_it():
    text = "news.example.org/site/data/html_dir/2031/04/13/2031041300793.html\n\nRocket breaks up after launch" + LAUNCH
    assert read(text).published == date(2031, 4, 13)
    # (a path with no day in it, or an address inside a sentence, dates nothing)
    assert read("news.example.org/2031/04/rocket.html\n\nRocket" + LAUNCH).published is None


def test_a_numeric_stamp_is_read_in_the_order_whose_day_is_the_weekday_the_story_names():
    # 02/03/2031 is Sunday 2 March day-first, Monday 3 February month-first: the story's 'Sunday' falls on the first
    # and on the day before the second; the reading on the weekday itself is taken
    text = ("Rocket launch condemned\n\nHome > World > Asia\nLast updated: 02/03/2031 09:14\n\n"
            "North Korea launched a rocket at 00:30 GMT on Sunday (09:30 in Seoul), officials said.\n")
    assert read(text).published == date(2031, 3, 2)
