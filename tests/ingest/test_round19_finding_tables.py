"""Issue 17, round 19: tables of launches as analysts paste them from their own tools — a wiki table whose first
column numbers the rows, a sheet saved as tab-separated text under a comment line — each row one launch with its
day, time, site and heading; a note under the table about some rows is not the first row's. Every story here was
written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted, read

from viewer.ingest import draft_article


def _launches(text: str):
    draft = drafted(text)
    return {d.date: d for d in [draft, *draft.others]}


def _site(draft) -> str | None:
    return next((f.place for f in draft.features if f.kind == "launch_site"), None)


def _alerted(draft) -> set[str | None]:
    return {f.place for f in draft.features if f.kind == "warning_area"}


NUMBERED = ("RANGE TRACKER 2031 - longer flights (copied from the team wiki)\n"
            "Times are launch times in KST as the JCS gave them.\n\n"
            "| # | Date (KST) | Time (KST) | Missile | Launch site | Range (km) | Heading |\n"
            "|---|------------|------------|---------|-------------|------------|---------|\n"
            "| 1 | 03 Feb 2031 | 06:12 | Hwasong-20 | Sunan, Pyongyang | ~900 | E |\n"
            "| 2 | 19 Mar 2031 | 14:48 | Hwasong-20 | Mupyong-ri, Jagang | ~1,100 | NE |\n"
            "| 3 | 07 Jun 2031 | 22:05 | Hwasong-21 | Kusong, N. Phyongan | ~950 | E |\n\n"
            "Notes\n"
            "- #2: J-Alert issued for Hokkaido.\n")


def test_a_wiki_table_numbering_its_rows_gives_each_row_a_launch_with_its_site_and_time():
    launches = _launches(NUMBERED)
    assert set(launches) == {date(2031, 2, 3), date(2031, 3, 19), date(2031, 6, 7)}
    assert _site(launches[date(2031, 2, 3)]) == "sunan"
    assert _site(launches[date(2031, 3, 19)]) == "mupyong-ri"
    assert _site(launches[date(2031, 6, 7)]) == "kusong"
    june = launches[date(2031, 6, 7)]
    assert june.time is not None
    assert june.time.isoformat() == "2031-06-07T22:05:00+09:00"


def test_a_note_under_the_table_about_another_row_gives_the_first_row_no_alert():
    assert not _alerted(_launches(NUMBERED)[date(2031, 2, 3)])


def test_a_sheet_saved_as_tab_separated_text_gives_each_row_a_launch_in_the_zone_its_comment_names():
    text = ("# Sheet: LONG_2031 | exported 2032-01-04 from the tracker workbook | times in KST (UTC+9)\n"
            "date_kst\ttime_kst\ttype\tlaunch_site\tapogee_km\trange_km\timpact\tsource\n"
            "2031-04-02\t05:40\tHwasong-20\tSunan\t5800\t990\tEast Sea\tJCS\n"
            "2031-08-21\t11:15\tHwasong-21\tPyongyang area\t\t1000\tEast Sea\tJCS; KCNA 22 Aug\n")
    launches = _launches(text)
    assert set(launches) == {date(2031, 4, 2), date(2031, 8, 21)}
    assert _site(launches[date(2031, 4, 2)]) == "sunan"
    assert _site(launches[date(2031, 8, 21)]) == "pyongyang"
    august = launches[date(2031, 8, 21)]
    assert august.time is not None
    assert august.time.isoformat() == "2031-08-21T11:15:00+09:00"


def test_tab_separated_figures_that_are_no_launch_table_give_no_launch():
    text = ("Quarterly figures, tab-separated\n"
            "date\tvisitors\trevenue\tstaff\n"
            "2031-04-02\t5800\t990\t12\n"
            "2031-08-21\t6100\t1000\t13\n")
    assert draft_article(read(text)) is None
