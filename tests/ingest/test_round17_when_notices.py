"""Issue 17, round 17: notices as relayed — a Chinese maritime warning's hours on a day in Beijing time, a warning
quoted line by line in a post. Every notice here was written for the test."""

from __future__ import annotations

from datetime import UTC, datetime

from viewer.ingest.notice_windows import find_windows
from viewer.ingest.notices import read_notice

MSA = (
    "HAINAN MSA NAVIGATIONAL WARNING\n"
    "QIONG HANG JING 0201/31\n"
    "ROCKET LAUNCHING.\n"
    "1. ROCKET DEBRIS WILL FALL FROM 1420 TO 1550 ON 03 JUL 2031 (BEIJING TIME)\n"
    "   IN THE AREA BOUNDED BY:\n"
    "   19-38N 111-22E, 19-34N 111-41E, 18-52N 111-34E, 18-56N 111-15E.\n"
    "2. ENTERING PROHIBITED.\n"
)


def test_a_maritime_warnings_hours_on_a_day_in_beijing_time_are_its_window():
    notice = read_notice(MSA)
    assert notice is not None
    assert [(w.start, w.end) for w in notice.windows] == [
        (datetime(2031, 7, 3, 6, 20, tzinfo=UTC), datetime(2031, 7, 3, 7, 50, tzinfo=UTC))
    ]


def test_hours_that_run_past_midnight_end_the_next_day():
    windows = find_windows("DEBRIS WILL FALL FROM 2330 TO 0040 ON 03 JUL 2031 (UTC)", 2031)
    assert [(w.start, w.end) for w in windows] == [
        (datetime(2031, 7, 3, 23, 30, tzinfo=UTC), datetime(2031, 7, 4, 0, 40, tzinfo=UTC))
    ]


POST = (
    "Sea Watch @seawatch@example.social\n"
    "Oct 19, 2031, 11:31 UTC\n\n"
    "New NAVAREA XI just posted for the East Sea. Full text below. #NAVAREA\n\n"
    "> NAVAREA XI 1201/31\n"
    "> SEA OF JAPAN.\n"
    "> 1. MISSILE FIRING 192200Z OCT 31 TO 220300Z OCT 31\n"
    ">    IN AREA BOUNDED BY\n"
    ">    40-05N 128-55E, 40-05N 129-40E,\n"
    ">    39-35N 129-40E, 39-35N 128-55E.\n"
    "> 2. CANCEL THIS MSG 220400Z OCT 31.\n\n"
    "31 boosts\n"
)


def test_a_warning_quoted_line_by_line_in_a_post_is_read_as_the_warning():
    notice = read_notice(POST)
    assert notice is not None
    assert notice.name == "NAVAREA XI 1201/31"
    assert [(w.start, w.end) for w in notice.windows] == [
        (datetime(2031, 10, 19, 22, 0, tzinfo=UTC), datetime(2031, 10, 22, 3, 0, tzinfo=UTC))
    ]
    assert len(notice.areas) == 1
    lon, lat = notice.areas[0].corners[0]
    assert abs(lon - (128 + 55 / 60)) < 1e-6
    assert abs(lat - (40 + 5 / 60)) < 1e-6


RADIO = (
    "COAST RADIO SCRIPT -- navigational warning, English reading\n\n"
    "Securite, securite, securite. All ships, all ships, all ships.\n"
    "This is the coast guard. Navigational warning follows.\n\n"
    "Coast guard navigational warning number zero four two one of two zero three one.\n"
    "Sea of Japan. Rocket launching.\n"
    "From two one three zero UTC on the twelfth of May to zero two zero zero UTC on the thirteenth of May, two zero "
    "three one.\n"
    "In the area bounded by the following three points:\n"
    "Point one. Three eight degrees one five minutes north, one three two degrees zero zero minutes east.\n"
    "Point two. Three eight degrees one five minutes north, one three three degrees three zero minutes east.\n"
    "Point three. Three seven degrees four five minutes north, one three two degrees four five minutes east.\n"
    "Vessels are requested to keep clear of the area. Out.\n"
)


def test_a_warning_read_out_with_its_figures_spelled_is_read_in_figures():
    notice = read_notice(RADIO)
    assert notice is not None
    assert notice.number == "0421/31"
    assert [(w.start, w.end) for w in notice.windows] == [
        (datetime(2031, 5, 12, 21, 30, tzinfo=UTC), datetime(2031, 5, 13, 2, 0, tzinfo=UTC))
    ]
    (area,) = notice.areas
    assert [(round(lon, 4), round(lat, 4)) for lon, lat in area.corners] == [
        (132.0, 38.25),
        (133.5, 38.25),
        (132.75, 37.75),
    ]


def test_a_spoken_warnings_citations_point_into_the_words_read_out():
    notice = read_notice(RADIO)
    assert notice is not None
    start, end = notice.areas[0].span
    assert RADIO[start:end].startswith("Three eight degrees one five minutes north")
    assert RADIO[slice(*notice.windows[0].span)].startswith("two one three zero UTC on the twelfth of May")


def test_an_article_that_spells_a_number_is_no_spoken_warning():
    text = "North Korea fired two missiles on Monday; one three hours later crashed, officials said.\n"
    assert read_notice(text) is None
