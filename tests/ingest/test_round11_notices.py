"""Issue 17, round 11: Japan Coast Guard warnings in English as relayed — the number on a line of its own under the
heading ('NR. 1125/23', 'No. 2117/26', 'NUMBER 0412/26'), a period in Japan's or Korea's clock written as date-time
groups ('220000 JST NOV 23 TO 010000 JST DEC 23'), and a circle given as 'a circle of radius N … centred at' with
the degrees in ASCII ('41 DEG 02.5 MIN N', '36 04N'). Every notice here was written for the test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from viewer.ingest.notices import read_notice

CORNERS = "(1) 36-40N 123-00E, 36-40N 123-50E, 35-50N 123-50E, 35-50N 123-00E.\n"


@pytest.mark.parametrize("heading", [
    "JAPAN COAST GUARD\nNAVIGATIONAL WARNING - ENGLISH TEXT AS RELAYED\nISSUED 210240 JST NOV 23\n\nNR. 1125/23\n",
    "Japan Coast Guard\nNavigational Warning (NAVAREA XI coordinator)\nNo. 1125/23\nIssued 210240 JST NOV 23\n",
    "NAV WARN (ENGLISH)\nNUMBER 1125/23\n",
])
def test_a_number_on_its_own_line_under_the_heading_is_the_warnings_number(heading):
    found = read_notice(heading + "YELLOW SEA.\nPERIOD: 220000 JST NOV 23 TO 010000 JST DEC 23.\nAREA:\n" + CORNERS)
    assert found is not None
    assert found.number == "1125/23"
    assert [a.label for a in found.areas] == ["1"]
    assert [(w.start, w.end) for w in found.windows] == [
        (datetime(2023, 11, 21, 15, tzinfo=UTC), datetime(2023, 11, 30, 15, tzinfo=UTC))]


def test_an_article_naming_a_warning_number_in_a_sentence_is_not_a_notice():
    text = ("Japan warns ships of satellite debris\n\nNavigational warnings were issued on Tuesday.\n"
            "The coast guard said its warning, No. 1125/23, covered three areas in the Yellow Sea and east of the "
            "Philippines from Nov. 22.\n")
    assert read_notice(text) is None


@pytest.mark.parametrize(("zone", "hours"), [("JST", 9), ("KST", 9), ("UTC", 0), ("Z", 0), ("GMT", 0)])
def test_a_period_of_date_time_groups_in_any_zone_is_in_utc(zone, hours):
    space = "" if zone == "Z" else " "
    found = read_notice(f"NAVIGATIONAL WARNING\nNR. 0412/26\nPERIOD: 092200{space}{zone} JUL 26 TO 100400{space}"
                        f"{zone} JUL 26.\n{CORNERS}")
    assert found is not None
    window = found.windows[0]
    assert window.start == datetime(2026, 7, 9, 22 - hours, tzinfo=UTC)
    assert window.end == datetime(2026, 7, 10, 4, tzinfo=UTC) - (datetime(2026, 7, 10, hours) - datetime(2026, 7, 10))


@pytest.mark.parametrize("centre", ["41°02.5'N 130°47.0'E", "41 DEG 02.5 MIN N 130 DEG 47.0 MIN E",
                                    "41 02.5N 130 47.0E", "41-02.5N 130-47.0E"])
@pytest.mark.parametrize("words", ["The area within a circle of radius 12 nautical miles centred at",
                                   "CIRCLE RADIUS 12 NM CENTERED ON", "Within a radius of 12 NM of"])
def test_a_circle_given_by_its_radius_then_its_centre(words, centre):
    found = read_notice(f"NAVIGATIONAL WARNING\nNo. 2117/26\nPeriod: 092200 UTC JUL 26 to 100400 UTC JUL 26\n"
                        f"Areas:\n(1) {words} {centre}.\n(2) 40-14N 131-26E, 40-14N 132-09E, 39-31N 132-09E, "
                        "39-31N 131-26E.\n")
    assert found is not None
    circle = next(a for a in found.areas if a.label == "1")
    assert circle.radius_nm == 12
    lon, lat = circle.corners[0]
    assert abs(lon - 130.7833) < 0.01
    assert abs(lat - 41.0417) < 0.01
    assert [a.label for a in found.areas] == ["1", "2"]
