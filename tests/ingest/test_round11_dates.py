"""Issue 17, round 11: dates of analysts' notes, threads and translated editions — a stamp labelled 'Compiled',
'Written' or 'Thread by @…, 18 Dec 2023'; dates in the body as '2023.11.21' or '2023/11/21'; 'on the 17th' (a day of
the story's month); 'This follows Sunday night's launch' (another launch's day); and a story dated the day before
Korea's that names Korea's day ('0722 local time on Tuesday'), whose other 'Tuesday's are that day too. Every
story here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from story import drafted, read

from viewer.ingest import draft_article
from viewer.ingest.times import find_dates

LEDE = "North Korea fired a ballistic missile from near Pyongyang at 7:12 a.m. on Monday, the JCS said. It flew east."




@pytest.mark.parametrize("stamp", [
    "Compiled 19 May 2026. Times are Korea Standard Time (KST, UTC+9) as the JCS gives them in its text messages.",
    "Written 19 May 2026",
    "Thread by @arms_watcher, 19 May 2026",
    "Notes by @osint-desk, 2026-05-19",
    "COMPILED 19 MAY 2026",
])
def test_a_stamp_labelled_as_analysts_and_threads_write_it_dates_the_story(stamp):
    article = read(f"Missile notes\n{stamp}\n\n{LEDE}\n")
    assert article.published == date(2026, 5, 19)
    assert drafted(f"Missile notes\n{stamp}\n\n{LEDE}\n").date == date(2026, 5, 18)


@pytest.mark.parametrize(("written", "day"), [
    ("on 2023.11.21", date(2023, 11, 21)), ("on 2023/11/21", date(2023, 11, 21)), ("2023.3.7", date(2023, 3, 7)),
    ("on the 17th", date(2023, 12, 17)), ("(2324Z on the 17th)", date(2023, 12, 17)),
    ("on the 30th", date(2023, 11, 30)),  # after the story's day: the month before
    ("on the 21st of this month", None),  # a day still to come
    ("on the 17th anniversary of", None), ("version 2023.11.21.4", None), ("1.2023.11.21", None),
])
def test_body_dates_as_editions_in_asia_and_threads_write_them(written, day):
    found = [d.value for d in find_dates(written, 0, len(written), date(2023, 12, 18), weekdays=False)]
    assert found == ([day] if day else [])


def test_a_launch_sentence_dated_with_a_dotted_date_is_that_day():
    text = ("[Defense Ministry] Statement\n2023.11.22\n\nThe Joint Chiefs of Staff said North Korea launched a "
            "satellite rocket toward the south at 22:43 on 2023.11.21 from Tongchang-ri.\n")
    draft = drafted(text)
    assert draft.date == date(2023, 11, 21)
    assert draft.time == datetime(2023, 11, 21, 13, 43, tzinfo=UTC)


@pytest.mark.parametrize("compared", ["This follows Sunday night's SRBM launch.",
                                      "It came a day after Sunday's short-range missile test.",
                                      "The launch follows Sunday's firing of two cruise missiles."])
def test_the_day_of_the_launch_compared_with_is_not_the_leads(compared):
    text = ("Thread by @arms_watcher, 18 Dec 2023\n\n1/ North Korea has launched what looks like a solid-fuel ICBM "
            f"from the Pyongyang area. JCS says launch at 08:24 KST (2324Z on the 17th).\n\n2/ {compared}\n")
    draft = drafted(text)
    assert draft.date == date(2023, 12, 18)
    assert draft.time == datetime(2023, 12, 17, 23, 24, tzinfo=UTC)


def test_a_story_dated_the_day_before_koreas_names_koreas_day_the_same_everywhere():
    text = ("North Korea fires missile, Japan says\n\nTOKYO, Oct 3 (Reuters) - North Korea fired a ballistic missile "
            "that flew over Japan on Tuesday, Japan's government said, at about 2222 GMT on Monday (0722 local time "
            "on Tuesday).\n\nThe missile was launched eastward from Mupyong-ri.\n\nReporting by the Tokyo bureau; "
            "3 October 2022\n")
    draft = drafted(text)
    assert draft.date == date(2022, 10, 4)  # not Tuesday 27 September
    assert draft.time == datetime(2022, 10, 3, 22, 22, tzinfo=UTC)
    # a story dated Monday that names Tuesday only as a plan keeps last Tuesday unresolved to the next day
    plain = read("Missile notes\nMonday, October 3, 2022\n\nNorth Korea fired a missile on Tuesday from Sunan.\n")
    assert not plain.day_behind


@pytest.mark.parametrize(("note", "utc"), [
    ("DPRK LAUNCHED ONE ICBM FROM THE PYONGYANG AREA AT 172324Z DEC 23. THE MISSILE FLEW EAST APPROX 1000 KM.",
     datetime(2023, 12, 17, 23, 24, tzinfo=UTC)),
    ("North Korea fired one SRBM from Sunan at 180530Z DEC 2023; it flew east about 400 km.",
     datetime(2023, 12, 18, 5, 30, tzinfo=UTC)),  # 14:30 in Korea: the same day
])
def test_a_date_time_group_in_an_operations_note_is_utc_and_the_launch_date_is_koreas(note, utc):
    text = f"OPS NOTE 23-311 / ISSUED 181200Z DEC 23\n\nSUMMARY: {note}\n"
    assert read(text).published == date(2023, 12, 18)
    draft = drafted(text)
    assert draft.time == utc
    assert draft.date == date(2023, 12, 18)


def test_a_date_time_group_is_not_read_as_a_day_of_the_month_named_after_it():
    found = find_dates("AT 172324Z DEC 23.", 0, 18, None)
    assert [d.value for d in found] == [date(2023, 12, 17)]  # not 23 December


def test_a_launch_date_without_its_year_after_the_storys_date_is_last_years():
    text = ("Imagery analysis\nJune 4, 2026\n\nCommercial imagery from June 1 shows the Sohae pad intact. The pad "
            "supported the successful November 21 flight, when North Korea launched a satellite rocket that flew "
            "south from Sohae at 10:42 p.m. local time and put its satellite into orbit.\n")
    draft = drafted(text)
    assert date(2025, 11, 21) in [d.date for d in (draft, *draft.others)]
    assert date(2026, 11, 21) not in [d.date for d in (draft, *draft.others)]


def test_days_a_story_says_are_to_come_are_no_launch_of_last_year():
    text = ("Japan on alert\nMay 27, 2026\n\nNorth Korea fired a satellite rocket from Sohae at 10:44 p.m. on "
            "Monday; it exploded. North Korea had told Japan it would launch a satellite between May 27 and "
            "June 4.\n")
    draft = drafted(text)
    assert [d.date for d in (draft, *draft.others)] == [date(2026, 5, 25)]


@pytest.mark.parametrize("before", ["hours after it fired a shorter-range weapon late last night",
                                    "two days after launching two cruise missiles on Saturday",
                                    "its first firing since it launched an SRBM on Sunday"])
def test_the_day_of_the_launch_before_is_not_the_leads(before):
    text = ("North Korea fires ICBM\nPosted Mon 18 Dec 2023 at 12:01pm\n\nNorth Korea has launched an "
            f"intercontinental ballistic missile, {before}, officials say.\n\nThe missile was fired from Pyongyang "
            "just after 10:24am AEDT.\n")
    draft = drafted(text)
    assert draft.date == date(2023, 12, 18)
    assert draft.time == datetime(2023, 12, 17, 23, 24, tzinfo=UTC)


def test_the_launch_itself_after_launching_it_keeps_its_day():
    text = ("SEOUL, Nov 22 (Reuters) - North Korea said it placed a satellite into orbit after launching it late on "
            "Tuesday. The rocket lifted off from Sohae at 10:42 p.m.\n")
    assert drafted("Spy satellite in orbit\n\n" + text.replace("SEOUL, Nov 22", "SEOUL, Nov 22, 2023")).date == date(
        2023, 11, 21)


def test_a_place_on_the_line_above_the_date_and_the_writers_own_time():
    text = ("Department Press Briefing\nWashington, DC\nDecember 18, 2023\n\nQUESTION: North Korea fired an ICBM "
            "again last night, our time. Any reaction?\n\nMR MILLER: We condemn the DPRK's launch of an "
            "intercontinental ballistic missile. The launch, at about 6:24 p.m. Eastern yesterday, violates "
            "Security Council resolutions.\n")
    article = read(text)
    assert article.zone == "ET"
    assert article.day_behind
    draft = drafted(text)
    assert draft.date == date(2023, 12, 18)
    assert draft.time == datetime(2023, 12, 17, 23, 24, tzinfo=UTC)


@pytest.mark.parametrize("by", ["the Democratic People's Republic of Korea (DPRK)", "North Korea", "the DPRK"])
def test_a_statement_aware_of_the_launch_by_north_korea_on_koreas_day(by):
    text = ("Command statement\nStatement\nMarch 2, 2027\n\nThe command is aware of the ballistic missile launch by "
            f"{by} earlier today (March 3 local time in Korea) from the vicinity of Pyongyang. We are consulting "
            "closely with our allies.\n")
    draft = drafted(text)
    assert draft.date == date(2027, 3, 3)


def test_a_launch_by_someone_else_is_no_launch_of_north_koreas():
    text = ("Space news\nMarch 2, 2027\n\nThe agency is aware of the satellite launch by a private company earlier "
            "today from New Zealand. North Korea was not involved.\n")
    assert draft_article(read(text)) is None


@pytest.mark.parametrize(("masthead", "day"), [
    ("Juche 115 (2026) No. 101 [Whole number 28 900] Saturday, April 11", date(2026, 4, 11)),
    ("Vol. 80, 2026 | Saturday, April 11", date(2026, 4, 11)),
    ("Juche 115 (2026) No. 101 Friday, April 11", None),  # the weekday does not fall on that day
])
def test_a_masthead_with_its_year_apart_from_a_weekday_and_day(masthead, day):
    article = read(f"Rodong Sinmun\n{masthead}\n\nMissile Launched\n\nThe DPRK launched a missile from Sunan.\n")
    assert article.published == day
