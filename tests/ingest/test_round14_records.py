"""Issue 17, round 14: launches told in fields — a database record's dot leaders ('Date (local) ...... 28 July 2031'),
a tracker's entry under a heading in capitals ('DATE: Monday, March 17, 2031', 'LAUNCH AREA: Pyongyang area'). Every
record here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted, read

from viewer.ingest.sentences import split_sentences

RECORD = """MISSILE LAUNCH DATABASE -- RECORD VIEW
Record ID: DPRK-2031-0728-01

Date (local) .............. 28 July 2031
Time (local) .............. 23:41 KST
Missile ................... Hwasong-14
Class ..................... ICBM
Launch facility ........... Mupyong-ri, Chagang Province
Range ..................... approx. 1,000 km
Direction ................. East
Outcome ................... Success
Notes ..................... Second flight of the type; the database does not treat the glow seen on video as a failure.
"""

TRACKER = """NORTH KOREA LAUNCH TRACKER
Entry 2031-07  |  Last updated: March 18, 2031, 09:15 KST

EVENT: Short-range ballistic missile salvo
DATE: Monday, March 17, 2031
TIME: approx. 07:44 KST (first detection, ROK JCS)
LAUNCH AREA: Pyongyang area
DIRECTION: toward the East Sea
FLIGHT: ~300 km range (JCS)
"""


def test_a_dot_leader_keeps_a_records_line_one_sentence():
    text = "Outcome ............ Success\nHe paused... Then he spoke.\n"
    found = [text[s.start : s.end] for s in split_sentences(text)]
    assert found == ["Outcome ............ Success", "He paused...", "Then he spoke."]


def test_a_database_records_fields_are_its_launch():
    draft = drafted(RECORD)
    assert draft.date == date(2031, 7, 28)
    assert draft.time is not None
    assert draft.time.isoformat() == "2031-07-28T23:41:00+09:00"
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "mupyong-ri"
    assert draft.outcome == "success"  # "does not treat this as a failure" denies the failure
    path = draft.first("flight_path")
    assert path is not None


def test_a_trackers_entry_under_a_heading_in_capitals_is_its_launch():
    draft = drafted(TRACKER)
    assert draft.date == date(2031, 3, 17)
    assert draft.time is not None
    assert draft.time.isoformat() == "2031-03-17T07:44:00+09:00"
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "pyongyang"


def test_fields_under_a_heading_that_names_no_launch_are_not_one():
    from viewer.ingest import draft_article

    assert draft_article(read(TRACKER.replace("LAUNCH TRACKER", "WEATHER LOG"))) is None


def test_a_trackers_entry_line_with_its_update_stamp_dates_the_page():
    from viewer.ingest.datelines import find_dateline

    dateline = find_dateline(TRACKER)
    assert dateline is not None
    assert dateline.value == date(2031, 3, 18)


def test_a_tables_launch_area_cell_is_the_rows_site():
    text = ("SECURITY BRIEF -- Monthly note\nPublished 1 February 2033\n\n"
            "North Korea opened the year with a run of launches. All times KST.\n\n"
            "| Date   | Time  | Launch area  | Type     |\n"
            "|--------|-------|--------------|----------|\n"
            "| 17 Jan | 08:50 | Kusong       | 2 x SRBM |\n"
            "| 27 Jan | 08:00 | Hamhung area | 2 x SRBM |\n")
    draft = drafted(text)
    sites = {d.date.isoformat(): (d.first("launch_site").place if d.first("launch_site") else None)
             for d in (draft, *draft.others) if d.date is not None}
    assert sites == {"2033-01-17": "kusong", "2033-01-27": "hamhung"}
