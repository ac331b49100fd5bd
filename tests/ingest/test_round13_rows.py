"""Issue 17, round 13: launches in lists and tables — a numbered table's rows ('3 | 19 October 2021 | 10:17 | …'), a
year article's entries whose prose sentence names no day of its own ('13 April — Hwasong-18. The first solid-fuel
ICBM was launched at 7:23 a.m. …'). Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted


def _days(draft):
    return sorted(d.date for d in (draft, *draft.others) if d.date is not None)


def test_a_numbered_tables_rows_are_launches_with_their_times():
    text = ("List of test flights of a missile\n\nThis page was last edited on 10 June 2024, at 09:00 (UTC).\n\n"
            "Flight tests of the Pukguksong series by North Korea. Times are local (KST, UTC+9).\n\n"
            "No. | Date | Time (KST) | Missile | Launch area | Distance / apogee | Notes\n"
            "1 | 12 March 2020 | 06:40 | Pukguksong-3 | off Sinpo | c. 450 km / c. 900 km | Flew east.\n"
            "2 | 9 May 2021 | 11:05 | Pukguksong-5 | off Sinpo | c. 600 km / c. 60 km | Not acknowledged.\n")
    draft = drafted(text)
    assert _days(draft) == [date(2020, 3, 12), date(2021, 5, 9)]
    by_day = {d.date: d for d in (draft, *draft.others)}
    first = by_day[date(2020, 3, 12)].time
    assert first is not None
    assert first.isoformat() == "2020-03-12T06:40:00+09:00"


def test_an_entrys_prose_sentence_with_no_day_tells_the_entrys_launch_not_a_lead():
    text = ("2022 in missile testing\nFrom the free encyclopedia\nThis page was last edited on 2 June 2022, at 10:00 "
            "(UTC).\n\nNorth Korea conducted many launches in the first months of 2022.\n\n"
            "March\n"
            "5 March \u2014 Hwasong-17. Fired at around 8:48 a.m. KST from Sunan and flew about 300 km.\n\n"
            "May\n"
            "4 May \u2014 Hwasong-17 (second). The missile was launched at around 12:03 p.m. KST from near Pyongyang "
            "and flew about 470 km.\n")
    draft = drafted(text)
    assert _days(draft) == [date(2022, 3, 5), date(2022, 5, 4)]
    second = next(d for d in (draft, *draft.others) if d.date == date(2022, 5, 4))
    assert second.time is not None
    assert second.time.isoformat() == "2022-05-04T12:03:00+09:00"


def test_a_launch_logs_entries_take_the_prose_under_their_heading_and_the_result_column():
    text = ("THE LAUNCH LOG \u2014 weekly digest\nIssue 12 \u00b7 30 June 2026 \u00b7 all times UTC (\"Z\")\n\n"
            "LOG\n"
            "Date (UTC)   Time   Vehicle       Site / pad                 Result\n"
            "2026-06-27   0105Z  Chollima-1    Sohae, coastal pad         ORBIT\n"
            "2026-06-20   1850Z  Chollima-1    Sohae, coastal pad         FAILURE\n\n"
            "2026-06-27 0105Z \u2014 Chollima-1 (fourth flight)\n"
            "The rocket left the coastal pad at Sohae and flew south over the Yellow Sea. The window filed with the "
            "coast guard opened only at 0300Z that day, so the launch came early.\n\n"
            "2026-06-20 1850Z \u2014 Chollima-1 (third flight)\n"
            "Lift-off was 0350 local on 21 June. The vehicle flew south past Ieodo before the second stage failed.\n")
    draft = drafted(text)
    by_day = {d.date: d for d in (draft, *draft.others)}
    assert set(by_day) == {date(2026, 6, 27), date(2026, 6, 21)}
    assert by_day[date(2026, 6, 27)].outcome == "orbit"
    assert by_day[date(2026, 6, 21)].outcome == "failure"
    june27 = by_day[date(2026, 6, 27)].time
    assert june27 is not None
    assert june27.isoformat() == "2026-06-27T01:05:00+00:00"  # not the window's 0300Z


def test_a_project_entrys_flight_test_history_tells_the_launch_as_a_test_that_took_place():
    text = ("MISSILE PROJECT\nMissiles of the World > North Korea > Hwasong-20\n\nHwasong-20\n"
            "Published March 3, 2026\n\n"
            "Class: Intercontinental ballistic missile (ICBM)\nStatus: Tested\n\n"
            "Flight test history\nThe single test took place on March 1, 2026, at 3:17 a.m. local time, from near "
            "Pyongsong, South Phyongan Province. The missile flew eastward for about 53 minutes.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 3, 1)
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "pyongsong"


def test_a_test_that_took_place_with_no_missile_named_is_not_a_launch():
    from story import read

    from viewer.ingest import draft_article

    text = ("North Korea: what the engineers did\nPublished March 3, 2026\n\n"
            "North Korea's scientists say the single test took place on March 1, 2026, at a plant near Pyongyang. "
            "Officials in Pyongyang described the result as satisfactory.\n")
    assert draft_article(read(text)) is None
