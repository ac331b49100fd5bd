"""Issue 17, round 15: tables of launches as analysts keep them — a wiki table whose heading gives the year and the
zone, a spreadsheet sheet saved as CSV, a PDF's columns under a rule — each row one launch with its own date, time
and site; and the prose after a table that names one launch by its day. Every story here was written for the
test."""

from __future__ import annotations

from datetime import date

from pyproj import Geod
from story import drafted


def _by_day(text: str):
    draft = drafted(text)
    launches = [draft, *draft.others]
    return {d.date: d for d in launches}, launches


def _site(draft) -> str | None:
    return next((f.place for f in draft.features if f.kind == "launch_site"), None)


def _alerted(draft) -> set[str | None]:
    return {f.place for f in draft.features if f.kind == "warning_area"}


def test_a_wiki_tables_rows_are_launches_in_the_year_and_zone_its_heading_gives():
    text = ("# List of missile tests in 2031 (first half)\n\nFrom a research wiki.\n\n"
            "North Korea tested short-range systems at a pace of about one event a month.\n\n"
            "| Date (2031) | Time (KST) | Launch area | Projectiles | System (assessed) | Range |\n"
            "|---|---|---|---|---|---|\n"
            "| 12 March | 06:10 | Kalma Peninsula, Wonsan | 2 | Large-calibre MRL | ~250 km |\n"
            "| 3 April | 16:35 | Sunchon, South Pyongan | 2 | Super-large MRL | ~370 km |\n"
            "| 9 May | 05:24 | Kwail County, South Hwanghae | 2 | Solid-fuel SRBM | ~450 km |\n")
    by_day, launches = _by_day(text)
    assert len(launches) == 3
    assert set(by_day) == {date(2031, 3, 12), date(2031, 4, 3), date(2031, 5, 9)}
    april = by_day[date(2031, 4, 3)]
    assert april.time is not None
    assert april.time.isoformat() == "2031-04-03T16:35:00+09:00"
    assert _site(april) == "sunchon"
    assert _site(by_day[date(2031, 5, 9)]) == "kwail"


def test_a_spreadsheet_saved_as_csv_gives_a_launch_a_row_even_two_on_one_morning():
    text = ("# launch_timeline.xlsx - sheet \"Mar\" exported as CSV on 9 Mar 2031\n"
            "# one row per launch event; blank cells = not stated\n"
            "date,time_kst,launch_area,type,count,toward,jalert,source\n"
            "2031-03-04,07:40,Sunan area,ICBM,1,,\"Miyagi, Niigata\",\"JCS 4 Mar\"\n"
            "2031-03-04,08:39,Kaechon,SRBM,2,East Sea,,\"JCS 4 Mar\"\n"
            "2031-03-08,11:32,Sunan area,SRBM,4,West Sea,,\"JCS 8 Mar\"\n")
    _, launches = _by_day(text)
    assert len(launches) == 3
    times = sorted(d.time.isoformat() for d in launches if d.time)
    assert times == ["2031-03-04T07:40:00+09:00", "2031-03-04T08:39:00+09:00", "2031-03-08T11:32:00+09:00"]
    icbm = next(d for d in launches if d.time and d.time.hour == 7)
    assert _site(icbm) == "sunan"
    assert _alerted(icbm) == {"miyagi-prefecture", "niigata-prefecture"}
    assert all(not _alerted(d) for d in launches if d is not icbm)


def test_a_pdf_tables_columns_give_each_launch_its_day_not_the_next_columns_figures():
    text = ("Institute for Peninsula Studies                                   Brief No. 31-04\n\n"
            "Reading North Korea's launches of late September 2031\n\n"
            "20 October 2031\n\n"
            "Summary\nBetween 25 September and 4 October 2031 North Korea conducted three launch events.\n\n"
            "Table 1. Launch events (times KST, UTC+9; JCS unless noted)\n\n"
            " Date       Time    Launch area                      Type (as assessed)        Toward\n"
            " ---------- ------- -------------------------------- ------------------------- -----------\n"
            " 25 Sep     06:53   Sunan, Pyongyang                 SRBM x1                   East Sea\n"
            " 29 Sep     20:48   Sunchon, South Pyongan           SRBM x2                   East Sea\n"
            " 4 Oct      07:23   Mupyong-ri, Jagang               IRBM x1 (over Japan)      Pacific\n\n"
            "The 4 October event stands apart. The missile flew east over northern Japan;\n"
            "the Japanese government issued J-Alert warnings for Hokkaido and Aomori Prefecture.\n")
    by_day, _launches = _by_day(text)
    assert set(by_day) == {date(2031, 9, 25), date(2031, 9, 29), date(2031, 10, 4)}
    october = by_day[date(2031, 10, 4)]
    assert october.time is not None
    assert october.time.isoformat() == "2031-10-04T07:23:00+09:00"
    assert _alerted(october) == {"hokkaido", "aomori-prefecture"}
    assert not _alerted(by_day[date(2031, 9, 25)])


def test_a_table_of_other_teams_figures_is_no_launch_table():
    text = ("SEOUL, June 3, 2031 (Wire) - North Korea fired a ballistic missile from Sunan on Tuesday morning, "
            "South Korea's military said.\n\n"
            "| Date | Budget line | Amount |\n|---|---|---|\n| 2031 | Interceptors | 1.2bn |\n")
    _, launches = _by_day(text)
    assert len(launches) == 1


def test_a_tables_launch_area_gives_the_most_specific_place_it_knows():
    text = ("# launch_log.xlsx - sheet \"Apr\" exported as CSV on 30 Apr 2031\n"
            "date,time_kst,launch_area,type,count\n"
            "2031-04-02,08:51,\"Jongpyong, South Hamgyong\",SRBM,3\n"
            "2031-04-09,06:01,\"Samsok district, Pyongyang\",SRBM,2\n"
            "2031-04-20,11:32,\"Kaechon, South Pyongan\",SRBM,2\n")
    by_day, _ = _by_day(text)
    assert _site(by_day[date(2031, 4, 2)]) == "eastern-north-korea"
    assert _site(by_day[date(2031, 4, 9)]) == "pyongyang"
    assert _site(by_day[date(2031, 4, 20)]) == "kaechon"


def test_an_alert_named_by_its_launchs_day_goes_to_that_launch():
    text = ("Brief No. 31-09, 20 October 2031\n\n"
            "Table 1. Launch events (times KST)\n\n"
            " Date       Time    Launch area                      Type\n"
            " ---------- ------- -------------------------------- -----------\n"
            " 25 Sep     06:53   Sunan, Pyongyang                 SRBM x1\n"
            " 4 Oct      07:23   Mupyong-ri, Jagang               IRBM x1\n\n"
            "Implications\n"
            "- Night launches complicate public-warning procedures; the 4 October J-Alert for Hokkaido still "
            "reached residents about five minutes after lift-off.\n")
    by_day, _ = _by_day(text)
    assert _alerted(by_day[date(2031, 10, 4)]) == {"hokkaido"}
    assert not _alerted(by_day[date(2031, 9, 25)])


def test_a_tables_toward_column_gives_each_launch_its_direction():
    text = ("# launch_log.xlsx - sheet \"Apr\" exported as CSV on 30 Apr 2031\n"
            "date,time_kst,launch_area,type,count,toward\n"
            "2031-04-02,08:51,\"Jongpyong, South Hamgyong\",SRBM,3,south-east\n"
            "2031-04-09,06:01,\"Kaechon, South Pyongan\",SRBM,2,East Sea\n"
            "2031-04-20,11:32,\"Tongrim, North Pyongan\",SRBM,4,West Sea\n")
    by_day, _ = _by_day(text)

    def bearing(draft) -> float:
        path = next(f.geometry for f in draft.features if f.kind == "flight_path")
        (x1, y1), (x2, y2) = path.coords[0], path.coords[-1]
        return float(Geod(ellps="WGS84").inv(x1, y1, x2, y2)[0]) % 360

    assert abs(bearing(by_day[date(2031, 4, 2)]) - 135) < 10
    assert abs(bearing(by_day[date(2031, 4, 9)]) - 90) < 10
    assert abs(bearing(by_day[date(2031, 4, 20)]) - 270) < 10


def test_a_footnote_citing_an_alerts_record_goes_to_the_launch_of_its_day():
    text = ("Brief No. 31-09, 20 October 2031\n\n"
            "Table 1. Launch events (times KST)\n\n"
            " Date       Time    Launch area                      Type\n"
            " ---------- ------- -------------------------------- -----------\n"
            " 25 Sep     06:53   Sunan, Pyongyang                 SRBM x1\n"
            " 4 Oct      07:23   Mupyong-ri, Jagang               IRBM x1\n\n"
            "______________________\n"
            "4 Cabinet Secretariat, J-Alert record, 4 October 2031; JR Hokkaido announcements.\n")
    by_day, _ = _by_day(text)
    assert not _alerted(by_day[date(2031, 9, 25)])
