"""Issue 17, round 10: wrong dates the sixth blind round showed (heldout10, heldout11), fixed by class. Every
sentence here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted, read

from viewer.ingest.datelines import find_dateline
from viewer.ingest.times import find_dates


def test_a_hawaii_time_is_ten_hours_behind_utc_and_the_launch_date_is_koreas():
    text = ("Command statement on missile launch\nMarch 3, 2027\n\n"
            "CAMP H.M. SMITH, Hawaii -- At 2:40 p.m. Hawaii time March 3, the command detected and tracked a "
            "ballistic missile that North Korea launched from near Sunan.\n\nThe missile flew east.\n")
    draft = drafted(text)
    assert draft.time is not None
    assert draft.time.astimezone(UTC) == datetime(2027, 3, 4, 0, 40, tzinfo=UTC)
    assert draft.date == date(2027, 3, 4)  # 09:40 in Korea, the next morning
    hst = drafted(text.replace("Hawaii time", "HST"))
    assert hst.time is not None
    assert hst.time.astimezone(UTC) == datetime(2027, 3, 4, 0, 40, tzinfo=UTC)


def test_an_anniversary_piece_dates_its_launch_that_many_years_before_the_article():
    text = "Ten years ago today, a missile fired from Sunan flew over Hokkaido, and today the sirens are tested."
    found = find_dates(text, 0, len(text), date(2031, 5, 14))
    assert [(d.value, d.label) for d in found] == [(date(2021, 5, 14), "Ten years ago today"),
                                                   (date(2031, 5, 14), "today")]
    leap = find_dates("8 years ago today", 0, 17, date(2032, 2, 29))
    assert [d.value for d in leap] == [date(2024, 2, 29)]
    assert [d.value for d in find_dates("3 years ago today", 0, 17, date(2032, 2, 29))] == [date(2029, 2, 28)]


def test_last_weekdays_launch_is_the_launch_day_not_the_day_of_the_reaction():
    text = ("Officials defend alert after missile scare\nMay 10, 2027\n\n"
            "Officials on Monday defended the evacuation alert sent during last Wednesday's North Korean missile "
            "launch, which the ministry said was fired from near Pyongyang at about 6:40 a.m. and flew east.\n")
    assert drafted(text).date == date(2027, 5, 5)


def test_last_weekday_in_a_story_dated_that_weekday_is_the_week_before():
    text = ("Missile launch follow-up\nWednesday, May 12, 2027\n\n"
            "North Korea fired a ballistic missile from Sunan last Wednesday, the ministry said in a review "
            "released today. It flew east.\n")
    assert drafted(text).date == date(2027, 5, 5)


def test_a_weekday_written_before_a_rows_date_is_that_dates_weekday():
    text = ("THE WEEK IN REVIEW | 20 June 2027\n\n"
            "North Korea fired missiles twice this month, as the Joint Chiefs of Staff reported them:\n\n"
            "\u2022 Tuesday 8 June: two short-range ballistic missiles from Sunan at 6:02 a.m., flying east.\n\n"
            "\u2022 Monday 14 June: one short-range ballistic missile from Sinpo at 5:41 a.m., flying east.\n")
    draft = drafted(text)
    days = {d.date for d in (draft, *draft.others)}
    assert date(2027, 6, 15) not in days  # not the Tuesday before the dateline
    assert date(2027, 6, 14) in days
    assert date(2027, 6, 8) in days


def test_a_corrections_withdrawn_time_is_not_the_launch_time():
    text = ("Rocket launch fails\nFriday 9 July 2027, 11:00 KST\n\n"
            "Correction: An earlier version of this story misstated the time of the launch as 4:15 p.m. The rocket "
            "was launched at 4:15 a.m. on Friday.\n\n"
            "North Korea launched a rocket from Sohae at 4:15 a.m., the Joint Chiefs of Staff said.\n")
    draft = drafted(text)
    assert draft.time is not None
    assert draft.time.astimezone(UTC) == datetime(2027, 7, 8, 19, 15, tzinfo=UTC)


def test_a_yearless_agency_dateline_takes_the_year_of_a_numeric_stamp_above_it():
    text = ("Island News | English\n06/14/2027 09:12 AM\n\nRocket explodes after launch\n\n"
            "Keelung, June 14 (INA) The coast guard said Monday it was watching the sea after a North Korean "
            "rocket launched from Sohae exploded in flight late Sunday.\n")
    draft = drafted(text)
    assert draft.date == date(2027, 6, 13)
    stamped = read(text)
    assert stamped.published == date(2027, 6, 14)
    # (the stamp gives the year only when its month and day are the dateline's)
    assert read(text.replace("06/14/2027", "06/11/2027")).published is None


def test_a_korean_text_messages_sent_stamp_dates_it():
    text = ("[JCS text message]\n\ubc1c\uc1a1: 2027. 4. 9. 07:02\n\n"
            "Our military detected a short-range ballistic missile fired from the Sunan area toward the East Sea "
            "at around 06:40 today. The missile flew some 300 km.\n\nNorth Korea's ballistic missile launch is a "
            "clear provocation.\n")
    assert read(text).published == date(2027, 4, 9)
    assert drafted(text).date == date(2027, 4, 9)


def test_an_agency_name_after_a_comma_closes_a_dateline():
    found = find_dateline("Missile over Japan\n\nOSAKA, Mar. 9, Kyodo\n\nNorth Korea fired a missile on Tuesday.\n")
    assert found is not None
    assert (found.city, found.zone, found.month_day) == ("Osaka", "JST", (3, 9))
    assert find_dateline("OSAKA, Mar. 9, residents said North Korea fired a missile.\n") is None
