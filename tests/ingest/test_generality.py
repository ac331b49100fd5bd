"""Issue 17, round 5: classes of newsroom phrasing rather than single sentences — several missiles timed in one
sentence, military 'hrs' times, launches named in passing with a date, a dateline year the story pins, verbs and
directions paraphrased. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes
from viewer.ingest.times import find_times


def article(text: str, name: str = "story.txt"):
    return article_from_bytes(text.encode("utf-8"), Path(name), "doc-story")


def utc(draft) -> str | None:
    return draft.time.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if draft.time else None


def test_military_hrs_times_are_read_with_the_assumed_zone():
    text = "The missile was fired at approximately 0534 hrs today, and another at 1710hrs."
    times = find_times(text, 0, len(text), "KST")
    assert [(t.hour, t.minute, t.zone, t.assumed) for t in times] == [(5, 34, "KST", True), (17, 10, "KST", True)]
    zoned = "It was fired at 2034 hrs GMT."
    assert [(t.hour, t.zone, t.assumed) for t in find_times(zoned, 0, len(zoned), "KST")] == [(20, "UTC", False)]


@pytest.mark.parametrize("sentence", [
    "North Korea fired two short-range missiles from the Kusong area on Thursday, the first at 4:29 p.m. and the "
    "second at 4:49 p.m., the military said.",
    "North Korea launched two ballistic missiles from Kusong on Thursday at 4:29 p.m. and 4:49 p.m., the JCS said.",
    "The first North Korean missile lifted off from Kusong at 16:29 KST on Thursday and the second followed at "
    "16:49 KST, officials said.",
])
def test_two_missiles_timed_in_one_sentence_are_two_launches(sentence):
    draft = draft_article(article(f"SEOUL, May 9, 2019 (Yonhap) -- {sentence} They flew east.\n"))
    assert draft is not None
    assert [utc(draft), *(utc(o) for o in draft.others)] == ["2019-05-09T07:29Z", "2019-05-09T07:49Z"]
    assert all(o.first("launch_site") is not None for o in draft.others)


def test_two_missiles_a_minute_apart_are_still_two_launches():
    text = ("SEOUL, May 9, 2019 (Yonhap) -- North Korea fired two ballistic missiles from Kusong on Thursday at 4:29 "
            "p.m. and 4:30 p.m., the JCS said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [utc(draft), *(utc(o) for o in draft.others)] == ["2019-05-09T07:29Z", "2019-05-09T07:30Z"]


def test_three_hrs_times_in_one_sentence_are_three_launches():
    text = ("25 May 2022\n\nOur military detected three ballistic missiles that North Korea fired toward the East Sea "
            "from the Sunan area at approximately 0600 hrs, 0637 hrs and 0642 hrs today.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [utc(draft), *(utc(o) for o in draft.others)] == [
        "2022-05-24T21:00Z", "2022-05-24T21:37Z", "2022-05-24T21:42Z"]


@pytest.mark.parametrize("sentence", [
    # one missile: a local time and its GMT equivalent are one moment
    "North Korea fired a ballistic missile from Sunan at 05:34 (2034 GMT) on Friday, the military said.",
    # two missiles fired together, one time: one launch event
    "North Korea fired two ballistic missiles from Sunan at 5:34 a.m. on Friday, the military said.",
])
def test_one_moment_or_one_time_for_several_missiles_stays_one_launch(sentence):
    draft = draft_article(article(f"SEOUL, March 3, 2023 (Reuters) - {sentence}\n"))
    assert draft is not None
    assert draft.others == []
    assert draft.date == date(2023, 3, 3)
    assert draft.time == datetime(2023, 3, 2, 20, 34, tzinfo=UTC)


@pytest.mark.parametrize(("sentence", "day", "outcome"), [
    ("Friday's launch came three weeks after the Aug. 29 launch, also from Sunan, that flew over Hokkaido.",
     date(2017, 8, 29), None),
    ("Earlier underwater launches, including one on July 9, ended in failure.", date(2017, 7, 9), "failure"),
    ("The North last launched an SLBM on Aug. 24, 2016, from waters near Sinpo.", date(2016, 8, 24), None),
    ("It flew from the same area as the missile that crashed on April 28.", date(2017, 4, 28), "failure"),
])
def test_a_launch_named_in_passing_with_a_date_is_drafted_and_marked(sentence, day, outcome):
    text = ("TOKYO, Sept. 15, 2017 (Kyodo) -- North Korea fired a ballistic missile from Sunan on Friday morning, "
            f"the government said. {sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2017, 9, 15)
    assert [o.date for o in draft.others] == [day]
    passing = draft.others[0]
    assert passing.time is None
    assert passing.outcome == outcome


def test_a_launch_named_only_in_passing_is_marked_so():
    text = ("TOKYO, Sept. 15, 2017 (Kyodo) -- North Korea fired a ballistic missile from Sunan on Friday morning. "
            "Friday's launch came three weeks after the Aug. 29 launch, also from Sunan, that flew over Hokkaido.\n")
    draft = draft_article(article(text))
    assert draft is not None
    passing = draft.others[0]
    assert "named in passing" in passing.name
    assert [c.value for c in passing.claims if c.property == "mention"] == [
        "named in passing in a story of another launch"]
    assert passing.first("launch_site") is not None


@pytest.mark.parametrize("sentence", [
    "The Security Council met on Aug. 29 to discuss the launches.",
    "North Korea has fired more than 20 missiles since Jan. 1.",
    "Pyongyang notified shipping of a launch window between Aug. 24 and Aug. 31.",
    "The allies' exercises, which began on Aug. 21, end next week.",
    "North Korea said on Sept. 3 it had tested a hydrogen bomb.",
    "It plans to launch a satellite on Oct. 10, state media said.",
])
def test_a_date_that_is_not_a_launchs_day_names_no_launch_in_passing(sentence):
    text = ("TOKYO, Sept. 15, 2017 (Kyodo) -- North Korea fired a ballistic missile from Sunan on Friday morning, "
            f"the government said. {sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.others == []


def test_a_story_with_no_launch_drafts_none_from_launches_named_in_passing():
    text = ("WASHINGTON, Oct. 9, 2023 - Satellite images show North Korea readying its Sohae site, analysts said. "
            "A rocket last lifted off from Sohae on Aug. 24, but its third stage failed.\n")
    assert draft_article(article(text)) is None


@pytest.mark.parametrize(("body", "year"), [
    ("The test, the twelfth weapons launch of 2022, was conducted on March 24.", 2022),
    ("It was 2023's third ICBM launch, fired on Friday.", 2023),
    ("North Korea has fired 30 missiles so far in 2024, and fired another on Sunday.", 2024),
])
def test_a_yearless_dateline_takes_the_year_the_story_counts_launches_in(body, year):
    from viewer.ingest.dateline_year import dateline_year

    text = f"PYONGYANG, March 25 (KCNA) -- {body}"
    inferred = dateline_year(text, 28, (3, 25), date(2026, 12, 6))
    assert inferred is not None
    assert inferred.day == date(year, 3, 25)
    assert str(year) in text[inferred.span[0] : inferred.span[1]]


def test_a_vehicle_first_shown_in_a_known_year_bounds_a_yearless_dateline():
    from viewer.ingest.dateline_year import dateline_year

    text = ("SEOUL, Dec 18 (Reuters) - North Korea fired an ICBM on Monday morning. The last, a Hwasong-18, "
            "flew in July.")
    inferred = dateline_year(text, 26, (12, 18), date(2026, 12, 6))  # 18 Dec: a Monday in 2023 of 2023 … 2025
    assert inferred is not None
    assert inferred.day == date(2023, 12, 18)
    assert "Hwasong-18 was first shown in 2023" in inferred.why
    no_weekday = text.replace("on Monday morning", "on Sunday night").replace("Sunday", "")
    assert dateline_year(no_weekday, 26, (12, 18), date(2026, 12, 6)) is None  # any year from 2023 would do
    assert dateline_year(text.replace("Hwasong-18", "Hwasong-5"), 26, (12, 18), date(2026, 12, 6)) is None


def test_the_draft_says_why_a_dateline_year_was_inferred():
    text = ("Kim guides test\n\nPyongyang, March 25 (KCNA) -- A test-fire of the new-type ICBM Hwasong-17 was "
            "conducted on March 24. The ICBM, launched from Pyongyang International Airport at 14:33, flew 1,090 km. "
            "The test, the twelfth weapons launch of 2022, was a success.\n")
    story = article(text)
    assert story.published == date(2022, 3, 25)
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2022, 3, 24)
    assert utc(draft) == "2022-03-24T05:33Z"
    [claim] = [c for c in draft.claims if c.property == "dateline_year"]
    assert claim.value == 2022
    assert claim.by.startswith("inferred: the story counts launches within 2022")


@pytest.mark.parametrize("words", [
    "flew 1,090 km before accurately landing in the preset area of open waters of the East Sea",
    "accurately hit the designated target in the sea",
    "landed precisely in the planned waters",
    "struck the target island accurately",
])
def test_state_media_claiming_a_hit_is_a_success(words):
    text = (f"Kim guides test\n\nPYONGYANG, March 25, 2022 (KCNA) -- The ICBM, launched from Sunan on March 24, "
            f"{words}, KCNA said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome == "success"
    [claim] = [c for c in draft.claims if c.property == "outcome"]
    assert claim.by.startswith("KCNA")


def test_a_hit_aimed_for_but_not_claimed_is_no_success():
    text = ("Test\n\nSEOUL, March 25, 2022 (Reuters) - North Korea fired a missile from Sunan on Thursday. It is "
            "not known whether it hit the designated target area, officials said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("The missile came down in the sea some 240 kilometres to the east.", 80, 100),
    ("It came down in the sea east of the Korean peninsula.", 80, 100),
    ("It flew about 3,700 kilometers, coming down some 2,200 km east of Cape Erimo.", 60, 95),
    ("The missile headed out to sea to the east.", 80, 100),
    ("It was seen heading north-east.", 35, 55),
    ("The missile travelled in an east-north-easterly direction.", 60, 75),
    ("They splashed down in waters east of the peninsula.", 80, 100),
])
def test_what_the_missile_did_after_lift_off_tells_its_direction(sentence, low, high):
    text = f"SEOUL, Nov. 17, 2022 (AFP) - North Korea fired a missile from Sunan on Thursday. {sentence}\n"
    draft = draft_article(article(text))
    assert draft is not None
    path = draft.first("flight_path")
    assert path is not None
    from viewer.geo import geodesic

    (x0, y0), (x1, y1) = path.geometry.coords[0], path.geometry.coords[-1]
    assert low <= float(geodesic.inverse(x0, y0, x1, y1)[1]) % 360 <= high


@pytest.mark.parametrize("sentence", [
    "That missile came down in the sea west of Japan.",  # where it fell, seen from Japan: not a heading
    "The rocket crashed into the West Sea of Korea after its second stage failed.",  # a sea's name, where it fell
])
def test_where_a_missile_fell_named_from_elsewhere_is_no_heading(sentence):
    text = f"SEOUL, Nov. 17, 2022 (AFP) - North Korea fired a missile from Sunan on Thursday. {sentence}\n"
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.first("flight_path") is None


@pytest.mark.parametrize(("sentence", "alerted"), [
    ("The launch prompted the government in Tokyo to tell residents of Aomori to take shelter.",
     ["aomori-prefecture"]),
    ("Officials in Seoul said Japan issued a J-Alert for Hokkaido.", ["hokkaido"]),
])
def test_the_government_in_a_capital_sends_the_alert_and_is_not_alerted(sentence, alerted):
    text = f"SEOUL, Oct. 4, 2022 (AFP) - North Korea fired a missile from Mupyong-ri on Tuesday. {sentence}\n"
    draft = draft_article(article(text))
    assert draft is not None
    assert sorted(f.place for f in draft.features if f.kind == "warning_area") == alerted


def test_a_dotted_european_date_after_a_city_is_a_dateline_day_first_and_an_ambiguous_slashed_one_is_not():
    from viewer.ingest.datelines import find_dateline

    found = find_dateline("Headline\n\nBerlin, 22.11.2023\n\nNorth Korea's rocket lifted off on Tuesday.")
    assert found is not None
    assert found.value == date(2023, 11, 22)
    # (round 20: dots between day, month and year put the day first wherever they are written; no outlet writes
    # the month first between dots, so "05.11.2023" is 5 November)
    dotted = find_dateline("Headline\n\nMoscow, 05.11.2023\n\nNorth Korea fired a missile.")
    assert dotted is not None
    assert dotted.value == date(2023, 11, 5)
    unsure = find_dateline("Headline\n\nMoscow, 05/11/2023\n\nNorth Korea fired a missile.")
    assert unsure is None or unsure.value is None  # 5 November or 11 May


def test_a_launch_day_earlier_in_the_day_with_a_missile_named_anew_is_another_launch():
    text = ("N. Korea's Musudan fails again\n\n"
            "SEOUL, April 28, 2016 (Yonhap) -- North Korea's second Musudan launch of the day ended in failure, the "
            "JCS said. The missile, fired from the Wonsan area at about 7:26 p.m., crashed seconds after lift-off. "
            "Earlier in the day, at about 6:10 a.m., another Musudan launched from the same area also failed.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert utc(draft) == "2016-04-28T10:26Z"
    assert [(utc(o), o.outcome) for o in draft.others] == [("2016-04-27T21:10Z", "failure")]
    assert draft.others[0].first("launch_site") is not None


@pytest.mark.parametrize("sentence", [
    "The launch came days after a failed satellite launch.",
    "It was the first test following its failed attempt in May.",
])
def test_another_launchs_failure_is_not_this_ones(sentence):
    text = f"SEOUL, May 30, 2024 (Reuters) - North Korea fired missiles from Sunan on Thursday. {sentence}\n"
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None


def test_a_launch_named_vaguely_earlier_this_month_is_no_launch():
    text = ("TOKYO, Nov. 16, 2022 - Japan's navy test-fired an interceptor missile off Hawaii on Wednesday. A North "
            "Korean missile launched earlier this month prompted J-Alert warnings in Miyagi.\n")
    assert draft_article(article(text)) is None


def test_on_a_date_north_korea_launched_names_a_launch_in_passing_with_its_time():
    text = ("SEOUL, July 29, 2017 -- North Korea launched an ICBM late on Friday from Mupyong-ri. Earlier this "
            "month, on July 4, North Korea launched its first ICBM from Panghyon near Kusong at 9:40 a.m.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [(o.date, utc(o)) for o in draft.others] == [(date(2017, 7, 4), "2017-07-04T00:40Z")]


@pytest.mark.parametrize("words", [
    "the island of Oshima-Oshima", "Japan's westernmost island of Oshima-Oshima", "the uninhabited island of "
    "Oshima-Oshima", "Oshima-Oshima",
])
def test_a_place_described_before_its_name_is_found(words):
    from viewer.ingest.places import shipped_matcher

    text = f"It fell about 200 km west of {words}, officials said."
    found = shipped_matcher().place_at(text, text.index(" of ") + 3)
    assert found is not None
    assert found.place.id == "oshima-oshima"
    assert text[found.start : found.end] == "Oshima-Oshima"


@pytest.mark.parametrize("words", [
    "a pair of short-range ballistic missiles from Kusong on Wednesday, one at 5:06 a.m. and another at 5:27 a.m.",
    "two short-range ballistic missiles from Kusong on Wednesday, one at 5:06 a.m. and another at 5:27 a.m.",
])
def test_one_and_another_with_their_times_are_two_launches(words):
    draft = draft_article(article(f"SEOUL, July 31, 2019 (Yonhap) -- North Korea fired {words}, the JCS said.\n"))
    assert draft is not None
    assert [utc(draft), *(utc(o) for o in draft.others)] == ["2019-07-30T20:06Z", "2019-07-30T20:27Z"]


def test_missiles_told_one_by_one_after_a_comma_are_launches_of_their_own_from_the_leads_site():
    text = ("SEOUL, June 22, 2016 (AFP) - North Korea test-fired two Musudan missiles from near Wonsan on Wednesday, "
            "officials said. The first, launched at 5:58am, exploded in mid-air. The second, fired at 8:05am, flew "
            "some 400 km eastward and crashed near Hamhung.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert (utc(draft), draft.outcome) == ("2016-06-21T20:58Z", "failure")
    assert draft.first("flight_path") is None  # the second's flight is not the first's
    (second,) = draft.others
    assert utc(second) == "2016-06-21T23:05Z"
    assert second.first("launch_site").place == "wonsan-kalma"  # not Hamhung, where it came down


def test_missiles_told_one_by_one_from_a_separate_base_do_not_take_the_leads_site():
    text = ("WASHINGTON, July 5, 2006 - North Korea test-fired a Taepodong-2 from Musudan-ri at 5 a.m. local time "
            "that failed. Six Scud "
            "missiles were fired from a separate base during the day, the first of them at about 3:30 a.m. local "
            "time, officials said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [o.first("launch_site") for o in draft.others] == [None]


def test_the_test_once_reported_is_the_launch_and_carries_its_time():
    text = ("WASHINGTON, Oct. 15, 2016 - A North Korean Musudan missile exploded immediately after launch from near "
            "Kusong on Saturday, U.S. Strategic Command said. The failed test was detected at 11:03 p.m. ET Friday, "
            "officials said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert (draft.date, utc(draft), draft.outcome) == (date(2016, 10, 15), "2016-10-15T03:03Z", "failure")


@pytest.mark.parametrize("text", [
    "Pyongyang, September 9, 2023 (KCNA) -- The DPRK will launch more reconnaissance satellites soon, NATA said.",
    "SEOUL, Sept. 9, 2023 (Yonhap) -- North Korea conducted a nuclear test on Sunday. The test was detected at 9 a.m.",
])
def test_a_launch_to_come_or_another_kind_of_test_is_no_launch(text):
    assert draft_article(article(text + "\n")) is None


def test_a_clause_of_the_lead_sentence_about_the_second_missile_is_the_seconds():
    text = ("SEOUL, June 22, 2016 -- North Korea fired two Musudan missiles from near Wonsan on Wednesday, and the "
            "second flew about 400 km toward the East Sea, officials said. The first missile, launched at 5:58 a.m., "
            "exploded in mid-air. The second, fired at 8:05 a.m., reached an altitude of more than 1,000 km.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.first("flight_path") is None  # the 400 km were the second's
    (second,) = draft.others
    path = second.first("flight_path")
    assert path is not None
    assert path.geometry.coords[-1][0] > path.geometry.coords[0][0] + 1  # heading east, toward the East Sea


def test_a_town_is_not_taken_for_a_feature_that_bears_its_name():
    from viewer.ingest.places import shipped_matcher

    matcher = shipped_matcher()
    text = "It fell about 150 km west of the Oshima Peninsula and far from the Foo Strait."
    found = matcher.place_at(text, text.index(" of ") + 3)
    assert found is not None
    assert found.place.id == "oshima-peninsula"  # not the GeoNames town of Oshima in Toyama
    strait = text.index("the Foo Strait")
    assert matcher.place_at(text, strait) is None
