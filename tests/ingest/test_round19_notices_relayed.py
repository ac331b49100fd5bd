"""Issue 17, round 19: a warning passed on in a message (its number in a sentence, its corners one per line under
it), a warning copied as a web page's table (its number in a 'No.' cell, its points in rows numbered 1, 2, …), and
an article that quotes the warning announcing the launch it reports (an article, its quoted window no launch).
Every notice, place and organisation here is invented."""

from __future__ import annotations

from datetime import UTC, date, datetime

from viewer.ingest.article import Article
from viewer.ingest.draft import draft_document
from viewer.ingest.notices import quoted_warnings, read_notice

RELAY = (
    "NORTHCAPE SKIPPERS' ASSOCIATION -- MESSAGE TO ALL MEMBER VESSELS\n"
    "Sent 2 May 2031, 0900 hrs JST\n\n"
    "Good morning everyone. The coast guard has put out navigational warning No. 0455/31 for a rocket firing.\n"
    "It is well east of the crab grounds, but crews going out to the bank should note it:\n\n"
    "  Period: from 0630 JST on 4 May to 1130 JST on 4 May 2031\n"
    "  Box corners:\n"
    "     N 42-10  E 141-50\n"
    "     N 42-10  E 142-30\n"
    "     N 41-40  E 142-30\n"
    "     N 41-40  E 141-50\n\n"
    "Keep out of the box in that period and call the office if you see anything in the water.\n"
)


def test_a_warning_passed_on_in_a_message_is_read_as_the_warning():
    notice = read_notice(RELAY)
    assert notice is not None
    assert notice.number == "0455/31"
    (area,) = notice.areas
    assert [(round(lon, 4), round(lat, 4)) for lon, lat in area.corners] == [
        (141.8333, 42.1667), (142.5, 42.1667), (142.5, 41.6667), (141.8333, 41.6667)]
    assert [(w.start, w.end) for w in notice.windows] == [
        (datetime(2031, 5, 3, 21, 30, tzinfo=UTC), datetime(2031, 5, 4, 2, 30, tzinfo=UTC))]


def test_a_sentence_citing_a_warning_without_its_corners_set_out_is_no_notice():
    text = RELAY.split("  Box corners:")[0] + "The box runs from 42-10N 141-50E to 41-40N 142-30E, roughly.\n"
    assert read_notice(text) is None


TABLE = (
    "COASTAL WARDEN - NAVIGATIONAL WARNING (copied from the list page)\n\n"
    "| Field   | Value                                  |\n"
    "|---------|----------------------------------------|\n"
    "| No.     | NAVIGATIONAL WARNING 0321/31           |\n"
    "| Period  | 101900 UTC JUN 31 TO 110100 UTC JUN 31 |\n"
    "| Subject | Space launch debris                    |\n\n"
    "Points:\n\n"
    "| Point | Latitude | Longitude |\n"
    "|-------|----------|-----------|\n"
    "| 1     | 35-05.0N | 139-50.0E |\n"
    "| 2     | 35-05.0N | 140-40.0E |\n"
    "| 3     | 34-30.0N | 140-40.0E |\n"
    "| 4     | 34-30.0N | 139-50.0E |\n"
)


def test_a_warning_in_a_table_is_read_with_its_rows_numbers_not_taken_for_degrees():
    notice = read_notice(TABLE)
    assert notice is not None
    assert notice.number == "0321/31"
    (area,) = notice.areas
    assert area.label == ""
    assert [(round(lon, 4), round(lat, 4)) for lon, lat in area.corners] == [
        (139.8333, 35.0833), (140.6667, 35.0833), (140.6667, 34.5), (139.8333, 34.5)]
    assert notice.windows[0].start == datetime(2031, 6, 10, 19, tzinfo=UTC)


ARTICLE = (
    "Shipping told to keep clear after rocket launch\n\n"
    "North Korea launched a rocket from the Sohae station early on Tuesday, 3 June 2031, inside a window it had\n"
    "given mariners. The warning, as broadcast, read:\n\n"
    "    NAVAREA XI 0901/31\n"
    "    YELLOW SEA.\n"
    "    1. ROCKET LAUNCHING 011500Z TO 101500Z JUN 31\n"
    "       IN AREA BOUNDED BY 35-50N 123-40E, 35-50N 124-05E,\n"
    "       35-10N 124-05E, 35-10N 123-40E.\n"
    "    2. CANCEL THIS MSG 101600Z JUN 31.\n\n"
    "Owners said routes south had already been changed since the weekend, adding half a day to voyages.\n"
)


def test_an_article_quoting_the_warning_of_the_launch_it_reports_is_an_article():
    assert read_notice(ARTICLE) is None
    ((begin, finish),) = quoted_warnings(ARTICLE)
    assert ARTICLE[begin:finish].lstrip().startswith("NAVAREA XI 0901/31")
    draft = draft_document(Article("a", ARTICLE, "Shipping told to keep clear", date(2031, 6, 3)))
    assert draft is not None
    assert draft.notice is None
    assert not draft.others  # the quoted "ROCKET LAUNCHING 011500Z …" is the warning's window, no second launch


CHAT = (
    "[09:58] kim.j: warning just came in, pasting\n"
    "[09:58] kim.j: NAVAREA XI 0123/31\n"
    "[09:58] kim.j: YELLOW SEA.\n"
    "[09:59] kim.j: ROCKET LAUNCHING 2200Z TO 0300Z DAILY 11 THRU 15 APR 31\n"
    "[09:59] kim.j: IN AREA BOUNDED BY 37-05N 124-00E, 37-05N 124-40E, 36-30N 124-40E, 36-30N 124-00E.\n"
    "[10:01] lee.s: thanks, plotting\n"
)


def test_a_warning_pasted_a_line_a_message_into_a_chat():
    notice = read_notice(CHAT)
    assert notice is not None
    assert notice.name == "NAVAREA XI 0123/31"
    (area,) = notice.areas
    assert CHAT[slice(*area.span)].startswith("37-05N 124-00E")
    assert notice.windows[0].start == datetime(2031, 4, 11, 22, tzinfo=UTC)


def test_a_chat_that_names_a_warning_without_its_areas_is_no_notice():
    text = ("[07:02] kim.j: NAVAREA XI 0123/31 is out for next week\n[07:03] lee.s: ok\n"
            "[07:40] kim.j: North Korea fired a missile from Sunan at 7:31, JCS says\n")
    assert read_notice(text) is None
