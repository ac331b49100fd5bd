"""Warnings pasted from a web page with the page's menus and footers around them (issue 17, round 8)."""

from __future__ import annotations

from datetime import UTC, datetime

from viewer.ingest.notices import read_notice

NGA_PAGE = """Safety at Sea Portal
Start  >  Warnings  >  HYDROPAC

Search results - 1 warning found for "1207/27"        Print | Export

HYDROPAC 1207/27(93).
EAST CHINA SEA.
1. MISSILE FIRING 0100Z TO 0600Z DAILY 03 THRU 05 JUN 27
   IN AREAS BOUNDED BY:
   AREA ALFA
   30-10N 125-00E, 30-10N 125-40E,
   29-30N 125-40E, 29-30N 125-00E.
   AREA BRAVO
   28-15.50N 126-02.00E, 28-15.50N 126-30.00E, 27-50.00N 126-16.00E.
2. CANCEL THIS MSG 050700Z JUN 27.
(011200Z JUN 2027)

Issued by the area coordinator.   Contact us | Site map
"""

JCG_PAGE = """Coast Guard  |  Hydrographic Office
Warnings in force  |  English

Nav. Warn. No. 0855/27  (Issued 2027-06-01 10:00 JST)

Title: Missile firing - East China Sea

Period: Daily 1000-1500 JST, 03 Jun 2027 to 05 Jun 2027

Areas: Areas bounded by the following points
Area 1
  (1) 30°10\u2032N 125°00\u2032E   (2) 30°10\u2032N 125°40\u2032E
  (3) 29°30\u2032N 125°40\u2032E   (4) 29°30\u2032N 125°00\u2032E
Area 2
  (1) 28°15'N 126°02'E   (2) 28°15'N 126°30'E   (3) 27°50'N 126°16'E

Remarks: Mariners are requested to keep clear.
« Back to list   |   Page top
"""

CANCEL_PAGE = """Safety at Sea Portal
Start  >  Warnings  >  HYDROPAC

HYDROPAC 1230/27(93).
EAST CHINA SEA.
1. CANCEL HYDROPAC 1207/27.
2. CANCEL THIS MSG 060700Z JUN 27.

Back to search   |   Print
"""

ARTICLE = """Japan warns ships off the East China Sea
By a staff writer

The Japan Coast Guard said on Tuesday it had relayed a North Korean warning to mariners.
HYDROPAC 1207/27 covers two boxes near 30-10N 125-00E, the guard said, and runs for three days.
Officials said the notice was routine.
"""


def test_a_broadcast_pasted_inside_a_page_is_read_without_the_page():
    notice = read_notice(NGA_PAGE)
    assert notice is not None
    assert notice.name == "HYDROPAC 1207/27(93)"
    assert [a.label for a in notice.areas] == ["A", "B"]
    lon, lat = notice.areas[1].corners[0]  # 28-15.50N 126-02.00E
    assert abs(lon - 126.0333) < 1e-3
    assert abs(lat - 28.2583) < 1e-3
    assert notice.windows[0].start == datetime(2027, 6, 3, 1, 0, tzinfo=UTC)
    assert notice.windows[0].end == datetime(2027, 6, 5, 6, 0, tzinfo=UTC)
    assert notice.problems == []
    start, end = notice.areas[0].span
    assert NGA_PAGE[start:end].startswith("30-10N 125-00E")
    assert NGA_PAGE[start:end].endswith("29-30N 125-00E")


def test_a_coast_guard_page_in_mixed_case_with_numbered_corners():
    notice = read_notice(JCG_PAGE)
    assert notice is not None
    assert notice.name == "NAV WARNING 0855/27"
    assert [(a.label, len(a.corners)) for a in notice.areas] == [("1", 4), ("2", 3)]
    assert notice.problems == []
    # "Daily 1000-1500 JST, 03 Jun 2027 to 05 Jun 2027": JST is UTC+9
    assert (notice.windows[0].start, notice.windows[0].end) == (datetime(2027, 6, 3, 1, 0, tzinfo=UTC),
                                                                  datetime(2027, 6, 5, 6, 0, tzinfo=UTC))
    assert notice.windows[0].daily == "0100Z-0600Z"


def test_a_pasted_cancellation_names_what_it_cancels():
    notice = read_notice(CANCEL_PAGE)
    assert notice is not None
    assert notice.cancels == ["HYDROPAC 1207/27"]
    assert notice.areas == []


def test_an_article_quoting_a_warning_number_in_a_sentence_is_not_a_notice():
    assert read_notice(ARTICLE) is None
