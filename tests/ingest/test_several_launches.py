"""Stories of several launches: another day's launch named in passing, missiles told one by one, 'the same area'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from viewer.ingest import draft_article, ingest_articles
from viewer.ingest.article import article_from_bytes


def article(text: str):
    return article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story")


def test_a_launch_the_evening_before_is_a_launch_of_its_own():
    story = article("Two launches\n\nTOKYO, March 14, 2023 (Kyodo) - North Korea fired a ballistic missile from "
                    "Sunan at 7:05 a.m. Tuesday, hours after it launched two cruise missiles late Monday.\n\n"
                    "The cruise missiles were fired from near Pyongyang at 9:40 p.m. Monday, officials said.")
    draft = draft_article(story)
    assert draft is not None
    assert (draft.date, draft.time.hour) == (date(2023, 3, 14), 7)
    assert [(o.date, o.time.hour if o.time else None) for o in draft.others] == [(date(2023, 3, 13), 21)]


def test_missiles_told_one_by_one_are_launches_of_their_own_and_keep_their_outcome():
    text = ("Salvo\n\nSEOUL, March 14, 2023 (Yonhap) -- North Korea fired two ballistic missiles from Sukchon on "
            "Tuesday, the military said.\n\nThe first missile was launched at 6:10 a.m. and flew 500 km east.\n\n"
            "The second was fired from the same area at 6:40 a.m. and broke apart in mid-air.")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.time.hour == 6
    assert draft.time.minute == 10
    assert draft.outcome is None  # the second one's failure is its own
    (other,) = draft.others
    assert other.time.minute == 40
    assert other.outcome == "failure"
    site = next(f for f in other.features if f.kind == "launch_site")
    assert site.place == "sukchon"  # "from the same area"
    assert text[slice(*site.spans[0])] == "from the same area"
    bundle = ingest_articles([article(text)])
    assert len(bundle.events) == 2  # one day, two launches: two events


def test_a_launch_named_in_passing_with_its_date():
    story = article("Test\n\nSEOUL, March 14, 2023 (Yonhap) -- North Korea fired a cruise missile from Sinpo on "
                    "Tuesday. On March 9, the North fired a short-range missile that fell into the Yellow Sea.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 14)
    assert [o.date for o in draft.others] == [date(2023, 3, 9)]


def test_two_missiles_timed_in_one_sentence_are_two_launches_and_a_statement_day_is_none():
    # issue 17 round 5: missiles with a time each, told in one sentence, are launches of their own (they were one
    # before); the day state media spoke on is still no launch
    story = article("Test\n\nSEOUL, March 14, 2023 (Yonhap) -- North Korea fired two missiles from Sinpo at 6:10 "
                    "a.m. and 6:25 a.m. on Tuesday. On Wednesday, state media said the missiles were a new type.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 14)
    assert [(o.date, o.time.strftime("%H:%M") if o.time else None) for o in draft.others] == [
        (date(2023, 3, 14), "06:25")]


def test_another_launch_with_no_site_keeps_its_stated_direction():
    story = article("Test\n\nSEOUL, March 14, 2023 (Yonhap) -- North Korea fired a missile from Sinpo on Tuesday. "
                    "It followed Friday's launch of two missiles from a western airfield. Those missiles, fired at "
                    "6:05 a.m. on Friday, flew on an eastward path across the country.")
    draft = draft_article(story)
    assert draft is not None
    (other,) = draft.others
    assert other.date == date(2023, 3, 10)
    assert [c.value for c in other.claims if c.property == "direction_deg"] == [90.0]


def test_debris_near_a_city_and_the_souths_military_give_no_direction():
    story = article("Test\n\nMarch 24, 2023\n\nNorth Korea fired a missile from Sunan at 2:34 p.m. on Friday. A "
                    "launch from the same area on March 16 blew up shortly after liftoff, according to the South's "
                    "military, with debris falling near Pyongyang.")
    draft = draft_article(story)
    assert draft is not None
    (other,) = draft.others
    assert next(f for f in other.features if f.kind == "launch_site").place == "sunan"
    assert not [f for f in other.features if f.kind == "flight_path"]


def test_the_first_launch_since_a_date_names_a_launch_on_that_date():
    story = article("Test\n\nTOKYO, March 14, 2023 (Kyodo) - North Korea fired a ballistic missile from Sunan on "
                    "Tuesday that flew over Hokkaido. It was the first missile to cross Japan since October 4, 2022, "
                    "the government said.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 14)
    assert [o.date for o in draft.others] == [date(2022, 10, 4)]


def test_a_launch_an_hour_later_with_missiles_of_its_own_is_another_launch():
    text = ("Missiles fired\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired a long-range missile from the Sunan "
            "area on Tuesday morning, the military said. About an hour later, the military said, two short-range "
            "missiles were fired from Kaechon, north of Pyongyang, toward the East Sea.\n")
    draft = draft_article(article(text))
    assert draft is not None
    (other,) = draft.others
    assert other.date == draft.date == date(2031, 6, 3)
    assert next(f for f in other.features if f.kind == "launch_site").place == "kaechon"


def test_a_statement_an_hour_later_is_not_another_launch():
    text = ("Missile fired\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired a long-range missile from the Sunan "
            "area on Tuesday morning, the military said. About an hour later, state media said it had launched the "
            "missile to test a new engine.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.others == []


def test_a_dated_launch_the_north_claimed_is_a_launch_on_that_day():
    text = ("SLBM fired\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired a ballistic missile from Sinpo on "
            "Tuesday, the military said. On May 12, it fired what it claimed was a new cruise missile.\n")
    draft = draft_article(article(text))
    assert draft is not None
    (other,) = draft.others
    assert other.date == date(2031, 5, 12)


def test_a_missile_that_exploded_after_leaving_its_pad_on_another_day_is_a_failed_launch():
    text = ("Launches from the airport\n\nAnalysis | 2 June 2031\n\nNorth Korea fired a long-range missile from "
            "Sunan on 28 May. On 12 May a missile blew up seconds after lift-off, scattering debris near the city.\n")
    draft = draft_article(article(text))
    assert draft is not None
    (other,) = draft.others
    assert other.date == date(2031, 5, 12)
    assert other.outcome == "failure"
    assert draft.outcome is None
