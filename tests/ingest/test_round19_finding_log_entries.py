"""Issue 17, round 19: a launch log's entries — a row giving the day, the time and the place, the missile in a field
under it ('2031-07-12 0100Z  Sunan area' over 'Type: Hwasong-20, lofted') — each one launch from that place; an
entry about something else is none. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

LOG = ("ARCS — a fortnightly log of ballistic launches\n"
       "No. 12 · compiled 2031-12-20 · all times UTC\n\n"
       "SECTION 3: DPRK — SOLID-FUEL ICBM, 2031 SUMMARY\n\n"
       "ENTRY 3.1\n"
       "  2031-07-12 0100Z  Sunan area\n"
       "  Type: Hwasong-20, lofted\n"
       "  Flight: ~70 min, apogee >6,000 km\n\n"
       "ENTRY 3.2\n"
       "  2031-12-17 2324Z  Pyongyang area\n"
       "  Type: Hwasong-20, lofted\n"
       "  Flight: ~73 min\n\n"
       "ENTRY 3.3\n"
       "  2031-12-19 0900Z  Seoul\n"
       "  Meeting: NSC session on the launches\n")


def test_each_log_entry_with_its_missile_in_a_type_field_is_a_launch_from_the_place_its_row_names():
    draft = drafted(LOG)
    days = {d.date: d for d in [draft, *draft.others]}
    assert set(days) == {date(2031, 7, 12), date(2031, 12, 18)}
    sites = {day: next(f.place for f in d.features if f.kind == "launch_site") for day, d in days.items()}
    assert sites == {date(2031, 7, 12): "sunan", date(2031, 12, 18): "pyongyang"}
