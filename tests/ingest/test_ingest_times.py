"""Times with zones and dates resolved against the article's date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from viewer.ingest.times import find_dates, find_times, pyongyang_offset, resolve, zone_offset


def times(text):
    return [(t.hour, t.minute, t.zone) for t in find_times(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 7:29 PM ET", [(19, 29, "ET")]),
        ("at 10.42 p.m. (local time)", [(22, 42, "local time")]),
        ("at 9 a.m. KST and 0030 GMT", [(9, 0, "KST"), (0, 30, "UTC")]),
        ("22:42 Pyongyang time", [(22, 42, "Pyongyang time")]),
        ("06:28 Japan time, 21:28 UTC", [(6, 28, "JST"), (21, 28, "UTC")]),
        ("at 12:15 a.m. EDT", [(0, 15, "EDT")]),
        ("at 10:42 and at 2 UTC", []),  # no zone, or no minutes: not trusted
    ],
)
def test_clock_times_with_zones(text, expected):
    assert times(text) == expected


def test_eastern_time_follows_us_daylight_saving():
    assert zone_offset("ET", date(2016, 2, 6)) == timedelta(hours=-5)
    assert zone_offset("ET", date(2017, 8, 28)) == timedelta(hours=-4)
    assert zone_offset("ET", None) is None  # unknown without a date


def test_pyongyang_time_from_august_2015_to_may_2018():
    assert pyongyang_offset(date(2015, 8, 14)) == timedelta(hours=9)
    assert pyongyang_offset(date(2015, 8, 15)) == timedelta(hours=8, minutes=30)
    assert pyongyang_offset(date(2018, 5, 4)) == timedelta(hours=8, minutes=30)
    assert pyongyang_offset(date(2018, 5, 5)) == timedelta(hours=9)
    kms4 = find_times("at 09:00 Pyongyang time", 0, 23)[0]
    assert resolve(kms4, date(2016, 2, 7)).isoformat() == "2016-02-07T09:00:00+08:30"


def test_local_time_is_seouls_unless_the_story_is_datelined_pyongyang():
    # Wire stories from Seoul and Tokyo gave "local time" in UTC+9 while Pyongyang kept UTC+8:30 (2015-2018).
    seoul = find_times("fired at 6:10 a.m. local time", 0, 29)[0]
    assert resolve(seoul, date(2017, 6, 3)).isoformat() == "2017-06-03T06:10:00+09:00"
    kcna = find_times("fired at 6:10 a.m. local time", 0, 29, "Pyongyang time")[0]
    assert resolve(kcna, date(2017, 6, 3)).isoformat() == "2017-06-03T06:10:00+08:30"


def test_dates_weekdays_and_relative_days():
    text = "on Thursday; on Feb. 7; 7 February 2016; 2023-11-21; yesterday; Dec. 30"
    found = find_dates(text, 0, len(text), date(2024, 1, 2))
    assert [(d.label, d.value.isoformat()) for d in found] == [
        ("Thursday", "2023-12-28"), ("2024-02-07", "2024-02-07"), ("2016-02-07", "2016-02-07"),
        ("2023-11-21", "2023-11-21"), ("yesterday", "2024-01-01"), ("2023-12-30", "2023-12-30"),
    ]
    undated = find_dates("on Tuesday evening, today", 0, 25, None)
    assert [(d.label, d.value) for d in undated] == [("Tuesday", None)]


def test_the_part_of_day_and_vague_months_are_kept():
    text = "on Monday night; earlier this month; last month"
    found = find_dates(text, 0, len(text), date(2023, 12, 2))
    assert [(d.label, d.value, d.part_of_day) for d in found] == [
        ("Monday", date(2023, 11, 27), "night"), ("2023-12 (earlier this month)", None, None),
        ("2023-11 (last month)", None, None)]
