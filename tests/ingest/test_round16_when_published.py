"""Issue 17, round 16: the day a story was published, as broadcast scripts and video pages stamp it — 'Sunday 14
January 2024, 1700 hrs', 'Streamed live on Jul 12, 2023'. Every text here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from story import read

BODY = "\n\nNorth Korea fired a ballistic missile this afternoon, the Joint Chiefs of Staff said.\n"


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("FM NEWS -- NEWS AT FIVE (script as broadcast)\nSunday 12 January 2031, 1700 hrs", date(2031, 1, 12)),
        ("REGIONAL RADIO -- ENGLISH NEWS SUMMARY\nThursday 16 January 2031, 0800 hrs KST", date(2031, 1, 16)),
        ("FISHERIES COOPERATIVE\nNotice to all member boats\n29 July 2031 0600 hrs", date(2031, 7, 29)),
        ("Video: North Korea missile launch - special report\nStreamed live on Jul 12, 2031", date(2031, 7, 12)),
        ("Video: Missile launch explained\nPremiered Mar 3, 2031", date(2031, 3, 3)),
        ("BOOKS | Reviewed 7 February 2031\n\nLofted: a history. 312 pp.", date(2031, 2, 7)),
        ("DESK LOG - TEXT MESSAGES TO REPORTERS (times KST)\nMonday 2031-11-03", date(2031, 11, 3)),
        ("Command\nNEWS RELEASE\n\nStatement on a launch\n\nHONOLULU -- July 11, 2031", date(2031, 7, 11)),
        ("\u3010\u901f\u5831 digest\u3011 2031\u5e744\u670813\u65e5 (\u6728) 10:05 \u914d\u4fe1\nJ-Alert for Hokkaido",
         date(2031, 4, 13)),
        ("Minutes\nDate of meeting: 2031. 1. 8. (Wed)", date(2031, 1, 8)),
        ('SHORTWAVE SERVICE -- in English\nProgramme: "Asia Today", Friday 24 March 2031\nScript as broadcast',
         date(2031, 3, 24)),
        ("Sheet: DPRK launches 2031 (last modified 4 Feb 2031)\nDate\tTime\tType", date(2031, 2, 4)),
        ('saved from the tracker, pasted as-is:\n\n{\n  "id": "x-1",\n  "published": "2031-12-18T12:40:00+09:00",',
         date(2031, 12, 18)),
    ],
)
def test_a_pages_stamp_line_is_its_date(head: str, day: date):
    assert read(head + BODY).published == day


def test_a_clock_of_four_figures_without_hrs_or_a_zone_is_no_stamp():
    assert read("RADIO NEWS\nSunday 12 January 2031, 1700 fans attended" + BODY).published is None


def test_a_numbered_releases_date_after_its_number_is_its_date_not_a_day_it_announces():
    text = (
        "CIVIL DEFENSE OFFICE\nPUBLIC ANNOUNCEMENT -- FOR IMMEDIATE RELEASE\nRelease No. 2031-031 | March 9, 2031\n\n"
        "Shelter exercise to be held March 17-18\n\nHAGATNA, Guam -- The office will hold a missile-defense and "
        "shelter exercise on Monday, March 17, and\nTuesday, March 18, 2031.\n\nNO MISSILE WILL BE LAUNCHED.\n"
    )
    assert read(text).published == date(2031, 3, 9)  # (not the wrapped line that is only a date)
