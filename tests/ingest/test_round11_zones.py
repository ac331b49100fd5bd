"""Issue 17, round 11: clock times in the zones of wires and broadcasters from Washington to Sydney (BST, CET/CEST,
AEST/AEDT, IST, MSK, a city's own time), and datelines filed hours behind Korea whose weekdays can be Korea's day
after the dateline's. Every story here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from story import drafted

from viewer.ingest.article import article_from_bytes
from viewer.ingest.times import find_times, resolve, zone_offset


@pytest.mark.parametrize(("written", "day", "utc"), [
    ("23:22 BST", date(2022, 10, 3), datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("11.22pm British Summer Time", date(2022, 10, 3), datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("00:24 CET", date(2023, 12, 18), datetime(2023, 12, 17, 23, 24, tzinfo=UTC)),
    ("00:22 CEST", date(2022, 10, 4), datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("0.24 Uhr Central European Time", date(2023, 12, 18), None),  # a German clock word: not read as a time
    ("8:22am AEST", date(2022, 10, 4), datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("12:14 AEDT", date(2022, 11, 18), datetime(2022, 11, 18, 1, 14, tzinfo=UTC)),
    ("12:14 p.m. Sydney time", date(2022, 11, 18), datetime(2022, 11, 18, 1, 14, tzinfo=UTC)),  # summer: +11
    ("8:22 a.m. Sydney time", date(2022, 7, 4), datetime(2022, 7, 3, 22, 22, tzinfo=UTC)),  # winter: +10
    ("7:12 pm IST", date(2023, 11, 21), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
    ("16:42 Moscow time", date(2023, 11, 21), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
    ("9:42 p.m. Beijing time", date(2023, 11, 21), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
    ("1:42 p.m. London time", date(2023, 11, 21), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),  # winter: GMT
    ("2:42 p.m. London time", date(2023, 7, 21), datetime(2023, 7, 21, 13, 42, tzinfo=UTC)),  # summer: BST
    ("14:42 Paris time", date(2023, 11, 21), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
])
def test_a_time_in_a_zone_abroad_is_that_zones(written, day, utc):
    text = f"The missile was launched at {written}, officials said."
    found = [t for t in find_times(text, 0, len(text)) if not t.assumed]
    if utc is None:
        assert not found
        return
    assert len(found) == 1
    assert resolve(found[0], day) == utc


def test_summer_time_changes_on_the_days_the_zones_change():
    assert zone_offset("London time", date(2024, 3, 30)).total_seconds() == 0
    assert zone_offset("London time", date(2024, 3, 31)).total_seconds() == 3600  # last Sunday of March
    assert zone_offset("Central European time", date(2024, 10, 27)).total_seconds() == 3600  # last Sunday of Oct.
    assert zone_offset("Sydney time", date(2024, 4, 6)).total_seconds() == 11 * 3600
    assert zone_offset("Sydney time", date(2024, 4, 7)).total_seconds() == 10 * 3600  # first Sunday of April
    assert zone_offset("Sydney time", date(2024, 10, 6)).total_seconds() == 11 * 3600  # first Sunday of October


@pytest.mark.parametrize(("dateline", "sentence", "day", "utc"), [
    ("LONDON, 3 October 2022 (BBC) -", "North Korea launched a missile at 23:22 BST on Monday (07:22 Tuesday local "
     "time) from Jagang province and flew east over Hokkaido.", date(2022, 10, 4),
     datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("Berlin/Seoul, 17.12.2023 (dpa) -", "North Korea launched a missile from near Pyongyang on Monday morning at "
     "8:24 a.m. local time, South Korea's military said.", date(2023, 12, 18),
     datetime(2023, 12, 17, 23, 24, tzinfo=UTC)),
    ("MOSCOW, November 21, 2023 /TASS/.", "North Korea launched a rocket with a satellite on Wednesday at 10:42 p.m. "
     "local time, the South Korean military said.", None, None),  # a Wednesday after a Tuesday dateline: not known
    ("NEW DELHI, Nov 21, 2023 (PTI) -", "North Korea launched a rocket carrying a satellite from Sohae at 7:12 pm IST "
     "on Tuesday, South Korea's military said.", date(2023, 11, 21), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
    ("SYDNEY, November 18, 2022 (SBS News) -", "The Hwasong-17 was launched from Sunan on Friday at 10:14 local time "
     "(12:14 AEDT) and flew east.", date(2022, 11, 18), datetime(2022, 11, 18, 1, 14, tzinfo=UTC)),
    ("PARIS, 4 October 2022 (AFP) -", "North Korea fired a ballistic missile over Japan on Tuesday at 7:22 a.m. "
     "local time (00:22 Paris time), Tokyo said.", date(2022, 10, 4), datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
])
def test_a_dateline_abroad_and_the_launchs_korean_day(dateline, sentence, day, utc):
    draft = drafted(f"North Korea fires missile\n\n{dateline} {sentence}\n")
    if day is None:
        assert draft.date is None or draft.date == date(2023, 11, 22)  # never the Wednesday of the week before
        return
    assert draft.date == day
    assert draft.time is not None
    assert draft.time.astimezone(UTC) == utc


@pytest.mark.parametrize(("stamp", "sentence", "day", "utc"), [
    ("Aired March 2, 2027 - 21:00 ET", "Our correspondent says North Korea launched the missile from Sunan at about "
     "7:10 this morning, local time, and it flew east.", date(2027, 3, 3), datetime(2027, 3, 2, 22, 10, tzinfo=UTC)),
    ("Aired March 2, 2027 - 21:00 ET", "North Korea fired a missile from Sunan early today in Seoul, at 7:10 a.m., "
     "officials said. It flew east.", date(2027, 3, 3), datetime(2027, 3, 2, 22, 10, tzinfo=UTC)),
    ("March 6, 2027, 9:40 p.m. ET", "North Korea launched a ballistic missile on Sunday morning local time; it was "
     "fired at 7:55 a.m. Seoul time from Sunan - just before 6 p.m. Saturday on the East Coast - and flew east.",
     date(2027, 3, 7), datetime(2027, 3, 6, 22, 55, tzinfo=UTC)),
    ("March 6, 2027, 9:40 p.m. ET", "North Korea fired a missile from Sunan at 8:40 p.m. Saturday in Washington, "
     "which was Sunday morning in Pyongyang. It flew east.", date(2027, 3, 7), datetime(2027, 3, 7, 1, 40, tzinfo=UTC)),
])
def test_a_story_dated_in_washington_names_koreas_day_by_its_clock(stamp, sentence, day, utc):
    draft = drafted(f"North Korea fires missile\n{stamp}\n\n{sentence}\n")
    assert draft.date == day
    assert draft.time is not None
    assert draft.time.astimezone(UTC) == utc


@pytest.mark.parametrize(("stamp", "sentence", "utc"), [
    ("Tuesday 4 October 2022 04:22, UK", "North Korea has fired a ballistic missile over Japan. The missile was "
     "launched at 7.22am local time (11.22pm UK time on Monday).", datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("4 October 2022, 12:40 pm NZDT", "North Korea has fired a ballistic missile over Japan. It was launched from "
     "Jagang province at 11.22am NZT and flew east over Hokkaido.", datetime(2022, 10, 3, 22, 22, tzinfo=UTC)),
    ("4 July 2022, 12:40 pm NZST", "North Korea has fired a ballistic missile. It was launched from Sunan at "
     "10.22am New Zealand time and flew east.", datetime(2022, 7, 3, 22, 22, tzinfo=UTC)),
])
def test_stamps_and_times_of_british_and_new_zealand_broadcasters(stamp, sentence, utc):
    text = f"North Korea fires missile\n{stamp}\n\n{sentence}\n"
    article = article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story")
    korean_day = date(utc.year, utc.month, utc.day + 1)
    assert article.published == korean_day
    draft = drafted(text)
    assert draft.time is not None
    assert draft.time.astimezone(UTC) == utc
    assert draft.date == korean_day


@pytest.mark.parametrize("written", ["at 8:22 a.m. Vladivostok time", "at 11.22am AET", "at 10:22 Hanoi time",
                                     "at 9:22 p.m. (Ulaanbaatar time)"])
def test_a_time_in_a_zone_not_known_is_no_time_rather_than_a_wrong_one(written):
    text = f"North Korea launched a missile from Sunan {written}, officials said."
    assert find_times(text, 0, len(text), "local time") == []


@pytest.mark.parametrize("written", ["at 7:22 a.m. The JCS said", "at 7:22 a.m. JCS officials said",
                                     "at 7:22 a.m. Korea time", "at 7:22 a.m. Monday"])
def test_a_bare_time_before_other_capitals_is_still_read(written):
    text = f"North Korea launched a missile from Sunan {written}."
    assert [t.hour for t in find_times(text, 0, len(text), "local time")] == [7]
