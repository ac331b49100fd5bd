"""Issue 17, round 17: every launch a text tells with a day, whatever the form of its sentence (launch_mentions.py):
a word of launching, or a rocket and what it did, and a calendar day in one sentence; and, as its own step, whether
the sentence tells a launch that happened. Every text here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

from viewer.ingest.launch import reports_foreign_launch
from viewer.ingest.launch_mentions import launch_days, launch_days_before, names_a_launch, told_as_happened
from viewer.ingest.sentences import Sentence, split_sentences

LEAD = ("SEOUL, June 9, 2031 -- North Korea fired a ballistic missile from near Pyongyang on Monday morning, "
        "South Korea's Joint Chiefs of Staff said. The missile flew about 700 km east into the sea.\n\n")


def _one(text: str) -> Sentence:
    return Sentence(0, len(text), 0)


def _days(text: str, reference: date | None = date(2031, 6, 9), known: tuple[date, ...] = ()) -> list[date]:
    found = launch_days(text, split_sentences(text), reference, list(known))
    return [m.value for _, m in found if m.value is not None]


def _all_days(story: str) -> set[date | None]:
    draft = drafted(story)
    return {d.date for d in (draft, *draft.others)}


def test_a_launch_word_or_a_rocket_and_what_it_did_names_a_launch():
    text = "Earlier tries that year: 3 May and 9 Aug."
    assert names_a_launch(text, _one(text))
    text = "The second rocket, from the same pad on 12 May 2030, fell into the sea."
    assert names_a_launch(text, _one(text))
    text = "The delegation arrived on 12 May 2030 and left two days later."
    assert not names_a_launch(text, _one(text))


def test_a_forecast_a_supposition_a_war_game_or_a_denial_is_not_told_as_happened():
    for text in ("The North will launch another satellite on 20 June 2031.",
                 "If it fired a missile on 3 May, nobody saw it.",
                 "In the war game, notional missiles were fired on Day 2, 4 May 2031.",
                 "Officials said North Korea did not launch anything on 3 May.",
                 "Was a missile fired on 3 May?"):
        assert not told_as_happened(text, _one(text)), text
    text = "A missile was fired on 3 May 2031 and fell into the sea."
    assert told_as_happened(text, _one(text))


def test_a_day_listed_under_a_heading_of_attempts_is_a_launch_each():
    assert _days("Earlier attempts in 2030: 14 March (fell short) and 2 Oct (second stage failed).") == [
        date(2030, 3, 14), date(2030, 10, 2)]


def test_a_rocket_told_by_its_place_in_a_series_with_its_day_apart_from_its_verb_is_a_launch():
    # the apposition between the day and what the rocket did
    text = "The first of them, on April 2, the eve of a holiday, exploded seconds after lift-off."
    assert _days(text) == [date(2031, 4, 2)]


def test_a_log_line_opening_with_its_day_is_a_launch():
    assert _days("- 11 FEB 2029 attempt: broke up about 90 s after L/O.") == [date(2029, 2, 11)]


def test_an_undated_page_takes_only_days_written_with_their_year():
    text = "It tried twice: on 4 March 2028 the rocket failed, and on 9 May the second rocket reached orbit."
    assert _days(text, reference=None) == [date(2028, 3, 4)]


def test_a_day_after_the_documents_date_or_next_to_a_known_launch_is_not_another():
    text = "A missile was fired on 3 May 2031 and another on 30 June 2031."
    assert _days(text) == [date(2031, 5, 3)]  # 30 June is after the story's date
    assert _days(text, known=(date(2031, 5, 4),)) == []


def test_a_day_listed_after_a_picture_or_meeting_day_is_not_a_launch():
    text = "Imagery from 10 May and 12 May shows the pad intact after the failed launch on 8 May."
    assert _days(text) == [date(2031, 5, 8)]


def test_a_story_drafts_a_launch_it_tells_in_passing_with_its_day_in_any_form():
    story = LEAD + ("It was the third this year. Earlier attempts: 14 March (fell short) and 2 April (second stage "
                    "failed). Analysts expect another launch soon.\n")
    assert _all_days(story) == {date(2031, 6, 9), date(2031, 3, 14), date(2031, 4, 2)}


def test_a_story_does_not_draft_a_launch_from_a_forecast_with_a_day():
    story = LEAD + "Seoul expects the North will fire another missile around 20 June 2031, officials said.\n"
    assert _all_days(story) == {date(2031, 6, 9)}


FAQ = ("Questions and answers: satellite launches\n\nQ. Has it ever worked?\n"
       "A. Twice, both from Sohae: on 3 May 2029 (Unha-3, lift-off at 9:10 a.m. Japan time); and on 8 June 2030, when "
       "a Chollima-5 rocket lifted off from the coastal pad at 10:42 p.m. and placed a satellite in orbit.\n")


def test_a_clock_in_another_countrys_time_or_a_country_in_another_clause_names_no_foreign_launcher():
    sentence = next(s for s in split_sentences(FAQ) if "Japan time" in FAQ[s.start : s.end])
    assert not reports_foreign_launch(FAQ, sentence)
    text = "South Korea fired two missiles of its own in response."
    assert reports_foreign_launch(text, _one(text))


def test_an_undated_page_listing_launches_by_day_drafts_each_and_no_time_from_another_day():
    draft = drafted(FAQ)
    launches = (draft, *draft.others)
    assert {d.date for d in launches} == {date(2029, 5, 3), date(2030, 6, 8)}
    for launch in launches:  # the 10:42 p.m. of 8 June 2030 is not the time of 3 May 2029
        assert launch.time is None or abs((launch.time.date() - launch.date).days) <= 1


def _before(text: str, lead: date = date(2031, 6, 13), known: tuple[date, ...] = ()) -> list[date]:
    found = launch_days_before(text, split_sentences(text), lead, [lead, *known])
    return [m.value for _, m in found if m.value is not None]


def test_a_launch_counted_in_days_before_the_lead_launch_is_on_that_day():
    text = "The North fired a cruise missile on Friday, two days after it launched a short-range ballistic missile."
    assert _before(text) == [date(2031, 6, 11)]
    # a day before the lead is another launch, not the lead's day in another zone
    assert _before("It fired an ICBM on Friday, a day after it launched a shorter-range missile.") == [
        date(2031, 6, 12)]


def test_a_day_counted_from_something_else_or_from_a_named_day_or_another_countrys_launch_is_not_read():
    assert _before("It fired an ICBM, a day after a large military parade in the capital.") == []
    assert _before("It fired an ICBM, a day after Wednesday's barrage.") == []  # the day is named: read as written
    assert _before("It fired an ICBM, two days after South Korea launched its own satellite.") == []


def test_an_earlier_launch_the_lead_followed_on_a_weekday_is_on_that_day_in_its_own_clause():
    text = ("The launch followed a cruise missile that the North fired from the west coast on Thursday morning, "
            "and a drill earlier this month that failed.")
    found = launch_days_before(text, split_sentences(text), date(2031, 6, 13), [date(2031, 6, 13)])
    assert [m.value for _, m in found] == [date(2031, 6, 12)]
    own = found[0][0]
    assert "failed" not in text[own.start : own.end]  # the next clause is another event's


def test_a_story_drafts_the_launch_it_was_a_day_after():
    story = ("SEOUL, June 13, 2031 -- North Korea fired an intercontinental ballistic missile toward the East Sea "
             "on Friday, South Korea's military said, a day after it launched a shorter-range missile.\n\n"
             "The missile flew about 1,000 km.\n")
    assert _all_days(story) == {date(2031, 6, 13), date(2031, 6, 12)}


def test_a_log_lines_clock_is_not_the_time_of_a_launch_it_tells_only_by_what_the_missiles_did():
    story = LEAD + "Earlier log:\n\n0020Z 12 May  Defence ministry: two missiles fell outside the zone.\n"
    draft = drafted(story)
    earlier = next(d for d in draft.others if d.date == date(2031, 5, 12))
    assert earlier.time is None
    told = LEAD + "Earlier log:\n\n0020Z 12 May  Defence ministry: two missiles were fired and fell outside the zone.\n"
    earlier = next(d for d in drafted(told).others if d.date == date(2031, 5, 12))
    assert earlier.time is not None  # a word of launching: the clock can be the launch's


def test_a_yearless_day_after_a_dated_one_in_its_sentence_is_in_that_year_and_a_release_day_is_no_launch():
    # (the story's date is 1 March 2031: 12 November is the year before's only if nothing in the sentence says so)
    text = "KAESONG, Nov. 11, 2030 — A missile lifts off in a photo released on Nov. 12 by state media."
    assert _days(text, reference=date(2031, 3, 1)) == [date(2030, 11, 11)]
    text = "A missile was fired on 11 November 2030 and another on 14 November."
    assert _days(text, reference=date(2031, 3, 1)) == [date(2030, 11, 11), date(2030, 11, 14)]
    text = "A missile was fired on 28 December 2030 and another on 2 January."  # the next year's January
    assert _days(text, reference=date(2031, 3, 1)) == [date(2030, 12, 28), date(2031, 1, 2)]
