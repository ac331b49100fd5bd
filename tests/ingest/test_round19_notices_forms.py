"""Issue 17, round 19: notices in forms not read before — days listed with 'AND', a comma after DAILY, a relayed
window in words, a NOTAM under a briefing tool's own validity line, corners numbered one per line, and corners with
a typo another corner confirms. Every notice here is invented."""

from __future__ import annotations

from datetime import UTC, datetime

from viewer.ingest.notice_windows import find_windows
from viewer.ingest.notices import read_notice


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_days_listed_with_and_run_from_the_first_start_to_the_last_end():
    (window,) = find_windows("0400Z TO 0900Z 11 AND 12 OCT 31", 2031)
    assert (window.start, window.end) == (_utc(2031, 10, 11, 4), _utc(2031, 10, 12, 9))
    (window,) = find_windows("0400Z TO 0900Z 11, 12 AND 14 OCT 31", 2031)
    assert window.end == _utc(2031, 10, 14, 9)


def test_a_comma_after_daily_keeps_the_days():
    (window,) = find_windows("2145 UTC TO 0215 UTC DAILY, 03 THRU 05 NOV 2031.", 2031)
    assert (window.start, window.end, window.daily) == (_utc(2031, 11, 3, 21, 45), _utc(2031, 11, 6, 2, 15),
                                                        "2145Z-0215Z")


def test_a_window_relayed_in_words_with_on_before_each_day():
    (window,) = find_windows("Period: from 0630 JST on 9 March to 1130 hrs JST on 9 March 2031", None)
    assert (window.start, window.end) == (_utc(2031, 3, 8, 21, 30), _utc(2031, 3, 9, 2, 30))


def test_a_notam_is_in_force_from_b_to_c_not_for_the_bulletin_printed_around_it():
    text = ("FLIGHT BRIEFING EXTRACT\nBulletin valid: 02 JUN 2031 0000 UTC - 20 JUN 2031 0000 UTC\n\n"
            "A0412/31 NOTAMN\nQ) RJJJ/QWMLW/IV/BO/W/000/999/3000N12900E030\n"
            "A) RJJJ B) 3106052300 C) 3106090200\nD) DAILY 2300-0200\n"
            "E) DEBRIS FALLING AREA WI 3030N12830E-3030N12930E-2930N12930E-2930N12830E-3030N12830E.\n"
            "F) SFC G) UNL\n")
    notice = read_notice(text)
    assert notice is not None
    assert [(w.start, w.end) for w in notice.windows] == [(_utc(2031, 6, 5, 23), _utc(2031, 6, 9, 2))]


def test_corners_numbered_one_per_line_make_one_area():
    text = ("COASTAL WARDEN NAVIGATIONAL WARNING\nNAV WARNING 0610/31\nOKHOTSK SEA.\nMISSILE FIRING.\n"
            "PERIOD: FROM 04 JUL 2031 0100 UTC TO 04 JUL 2031 0500 UTC.\nAREA BOUNDED BY THE FOLLOWING POINTS\n"
            "   (1) 47-10.0N 145-20.0E\n   (2) 47-10.0N 146-00.0E\n   (3) 46-40.0N 146-00.0E\n"
            "   (4) 46-40.0N 145-20.0E\n")
    notice = read_notice(text)
    assert notice is not None
    (area,) = notice.areas
    assert area.label == ""
    assert len(area.corners) == 4
    assert notice.problems == []


def test_lettered_single_points_stay_points_not_one_area():
    text = ("HYDROPAC 0999/31\nCELEBES SEA.\nHAZARDOUS OPERATIONS 0100Z TO 0500Z 04 JUL 31\n"
            "A. 05-10N 121-20E.\nB. 05-20N 121-40E.\nC. 05-00N 121-50E.\n")
    notice = read_notice(text)
    assert notice is not None
    assert notice.areas == []
    assert len(notice.problems) == 3


BOX = ("NAVAREA XI 0777/31\nPHILIPPINE SEA.\nSPACE DEBRIS 0100Z TO 0500Z 04 JUL 31\nIN AREA BOUNDED BY\n"
       "21-40N 131-10E, 21-40N 132-05E,\n{third} 132-05E, 20-55N 131-10E.\n")


def test_a_hemisphere_letter_mistyped_is_read_when_another_corner_gives_that_latitude():
    notice = read_notice(BOX.format(third="20-55B"))
    assert notice is not None
    (area,) = notice.areas
    assert [(round(lon, 4), round(lat, 4)) for lon, lat in area.corners] == [
        (131.1667, 21.6667), (132.0833, 21.6667), (132.0833, 20.9167), (131.1667, 20.9167)]
    ((_at, message),) = notice.problems
    assert message.startswith("the area: read the corner '20-55B' as '20-55N'")
    assert "check it" in message
    assert any("'20-55B' as '20-55N'" in reading for reading in area.readings)


def test_a_letter_o_for_a_zero_is_read_when_another_corner_confirms_it():
    notice = read_notice(BOX.format(third="2O-55N"))
    assert notice is not None
    (area,) = notice.areas
    assert round(area.corners[2][1], 4) == 20.9167


def test_a_typo_nothing_confirms_leaves_the_area_out_named_in_one_line():
    notice = read_notice(BOX.format(third="20-5BN"))
    assert notice is not None
    assert notice.areas == []
    ((_, message),) = notice.problems
    assert "cannot read" in message
    assert "not drafted" in message
    unconfirmed = read_notice(BOX.format(third="20-45M"))  # no other corner gives 20-45
    assert unconfirmed is not None
    assert unconfirmed.areas == []


def test_one_day_s_hours_with_the_day_before_or_after_and_the_zone_once():
    for text in ("18 MAR 31 0130Z TO 0615Z", "0130 UTC TO 0615 UTC ON 18 MAR 2031", "0130-0615 UTC 18 MAR 31",
                 "18 MAR 2031, 0130 TO 0615 UTC", "from 10:30 to 15:15 JST on 18 March 2031"):
        (window,) = find_windows(text, 2031)
        assert (window.start, window.end) == (_utc(2031, 3, 18, 1, 30), _utc(2031, 3, 18, 6, 15)), text
    (late,) = find_windows("18 MAR 31 2330Z TO 0215Z", 2031)
    assert late.end == _utc(2031, 3, 19, 2, 15)
    assert find_windows("ISSUED 18 MAR 31 0130Z", 2031) == []


def test_daily_hours_in_japan_s_clock():
    (window,) = find_windows("2200 JST TO 0300 JST DAILY 11 THRU 15 APR 31", 2031)
    assert (window.start, window.end, window.daily) == (_utc(2031, 4, 11, 13), _utc(2031, 4, 15, 18), "1300Z-1800Z")
