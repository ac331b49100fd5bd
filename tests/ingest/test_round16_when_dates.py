"""Issue 17, round 16: when a launch happened as spoken and as official papers write it — a broadcast transcript
dated in New York whose correspondent in Seoul gives Korea's morning, a circular's span of days. Every story here was
written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

from viewer.ingest.times import find_dates


def test_a_span_of_days_in_one_month_names_no_single_day():
    text = "Subject: Two launches, 17-18 December 2031 -- transits. Also 3 to 5 March and January 9-10, 2031."
    days = {d.value for d in find_dates(text, 0, len(text), date(2031, 12, 19))}
    assert days == {None}


def test_a_single_day_after_a_span_is_still_read():
    text = "Two launches, 17-18 December 2031. The first came at 2238 hrs KST on 17 December."
    days = [d.value for d in find_dates(text, 0, len(text), date(2031, 12, 19)) if d.value]
    assert days == [date(2031, 12, 17)]


def test_a_circulars_launch_is_on_the_day_written_with_its_time_not_the_subjects_span():
    text = ("MARINE AGENCY -- Circular to Masters\nDate: 18 December 2031, 1400 hrs JST\n\n"
            "Subject: Two ballistic missile launches, 17-18 December 2031 -- Sea of Japan transits\n\n"
            "1. Launch of 17 December\n   At 2238 hrs KST on 17 December, North Korea launched one short-range "
            "ballistic missile from the Pyongyang area toward the East Sea. The missile fell outside Japan's EEZ.\n")
    lead = drafted(text)
    assert lead.date == date(2031, 12, 17)


def test_a_transcript_dated_in_new_york_takes_koreas_morning_from_the_correspondent():
    text = ("EVENING NEWS -- TRANSCRIPT\n\nNorth Korea Fires Missile\n\nAired March 3, 2031 - 22:00 ET\n\n"
            "ANCHOR: Good evening. We begin tonight in East Asia, where North Korea has fired a ballistic missile.\n\n"
            "CORRESPONDENT: The Joint Chiefs of Staff say the missile was launched at 9:05 this morning local time "
            "from the Sunan area of Pyongyang, and it flew east into the sea.\n\n"
            "ANCHOR: Today's launch is the third this month. Back to you.\n")
    lead = drafted(text)
    assert lead.date == date(2031, 3, 4)  # Korea's morning, the evening of the 3rd in New York
    assert lead.time is not None
    assert lead.time.isoformat().startswith("2031-03-04T09:05")


def test_a_moved_launch_windows_days_are_not_the_launch():
    text = ("ISLAND TIMES -- morning edition\nThursday, December 11, 2031\n\nRocket passes overhead\n\n"
            "ISHIGAKI -- North Korea's long-range rocket passed over the Sakishima Islands on Wednesday morning.\n\n"
            "The rocket was launched at 9:49 a.m. from Tongchang-ri and flew south.\n\n"
            "The window was extended to Dec. 29 on Monday, which led many to believe the launch would be later.\n")
    lead = drafted(text)
    assert lead.date == date(2031, 12, 10)  # the Wednesday before the story's Thursday


HAWAII_STORY = (
    "ISLAND NEWS -- HONOLULU\nPosted: Nov 25, 2031 / 11:52 AM HST\n\n"
    "North Korea fires a missile; siren test still on for Friday\n\n"
    "HONOLULU -- North Korea launched an intercontinental ballistic missile early Tuesday, Hawaii time.\n\n"
    "The Pentagon said the missile was launched at about 8:17 a.m. Hawaii time Tuesday from Pyongsong and flew "
    "about 1,000 kilometers before splashing down in the Sea of Japan.\n\n"
    "The state agency said the launch did not change plans for Friday, when the new warning tone will sound "
    "right after the monthly siren test at 11:45 a.m.\n"
)


def test_a_day_something_is_planned_for_is_not_a_launch_day():
    lead = drafted(HAWAII_STORY)
    assert not lead.others
    assert lead.time is not None
    assert lead.time.isoformat().startswith("2031-11-25T08:17")  # Hawaii's Tuesday morning, not Friday's siren


def test_a_day_said_to_be_another_zones_gives_the_launch_koreas_date():
    lead = drafted(HAWAII_STORY.split("The state agency")[0].replace("; siren test still on for Friday", ""))
    assert lead.date == date(2031, 11, 26)  # Tuesday morning in Hawaii is Wednesday morning in Korea


def test_a_clock_time_the_launch_came_before_is_not_its_time():
    text = ("WORLD SERVICE -- News in English\nSunday, January 26, 2031 -- 12:30 KST edition\n\n"
            "North Korea fires missile\n\nNorth Korea fired a ballistic missile into the East Sea shortly before "
            "8 a.m. on Sunday, South Korea's Joint Chiefs of Staff said.\n")
    lead = drafted(text)
    assert lead.date == date(2031, 1, 26)
    assert lead.time is None


def test_a_launch_told_that_morning_is_on_the_day_the_speaker_named_just_before():
    text = ("THE DESK -- a podcast\nEpisode 12\nReleased: February 3, 2031\n\n"
            "(00:00:10) PARK: January was busy, and we're going to walk through it.\n\n"
            "(00:01:02) KERR: So, start with the fifth. Sunday, January 5th. Japan's coast guard is first out of the "
            "gate that morning, and then the South Korean Joint Chiefs say a North Korean ballistic missile was "
            "fired at 8:10 a.m. from "
            "Jagang Province, heading out over the East Sea.\n")
    lead = drafted(text)
    assert lead.date == date(2031, 1, 5)
    assert lead.time is not None
    assert lead.time.isoformat().startswith("2031-01-05T08:10")


def test_that_morning_with_no_day_named_before_it_in_its_paragraph_says_nothing():
    text = ("THE DESK -- a podcast\nReleased: February 3, 2031\n\nPARK: It was Sunday, January 5th.\n\n"
            "KERR: The South Korean Joint Chiefs say a North Korean ballistic missile was fired that morning at "
            "8:10 a.m. from Jagang.\n")
    lead = drafted(text)
    assert lead.date != date(2031, 1, 5)


def test_a_weekday_with_its_day_of_the_month_is_that_day():
    text = "On Friday the 24th, a salvo flew west. Last Tuesday, the 28th, more were fired."
    days = [d.value for d in find_dates(text, 0, len(text), date(2031, 2, 2)) if d.value]
    assert days == [date(2031, 1, 24), date(2031, 1, 28)]  # not the Friday and Tuesday before Sunday 2 February


def test_a_pages_own_stamp_is_not_a_launch_day():
    text = (
        "Sheet: DPRK launches 2031 (last modified 4 Feb 2031)\n"
        "Date\tTime (KST)\tType\tLaunch site\tHeading\tRange (km)\tNotes\n"
        "2031-01-30\t07:52\tHwasong-12 IRBM\tMupyong-ri area, Jagang Prov.\tEast Sea\t800\tlofted\n"
    )
    lead = drafted(text)
    assert lead.date == date(2031, 1, 30)
