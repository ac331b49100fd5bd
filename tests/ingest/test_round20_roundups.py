"""Issue 17, round 20: round-ups, timelines and lists — every launch they tell one to a row, sentence or clause, with
the alerts and the directions told for it. Every story here was written for the test (no copied article)."""

from __future__ import annotations

from datetime import date

from story import drafted

from viewer.ingest.alerts import find_warning_areas
from viewer.ingest.places import shipped_matcher
from viewer.ingest.sentences import split_sentences

CHRONOLOGY = ("CHRONOLOGY: THE NORTH'S LONG-RANGE TESTS OF 2029\r\n"
              "Reference desk | December 2, 2029\r\n\r\n"
              "A list of the year's long-range launches. Times are Korea Standard Time (KST).\r\n\r\n"
              "March 3 \u2014 Hwasong-12 fired from near Kusong at about 6:10 a.m.; fell in the Sea of Japan.\r\n\r\n"
              "June 9 \u2014 Hwasong-12 from Sunan at 5:40 a.m. Over Hokkaido; range about 3,900 km, the farthest "
              "any of its missiles had flown to that date.\r\n\r\n"
              "Oct. 21 \u2014 Hwasong-15 launched from Pyongsong at 2:50 a.m. It fell in the Sea of Japan.\r\n")


def _days(text: str) -> set[date | None]:
    draft = drafted(text)
    return {d.date for d in [draft, *draft.others]}


def test_a_timeline_row_that_says_what_had_flown_before_is_still_its_days_launch():
    assert _days(CHRONOLOGY) == {date(2029, 3, 3), date(2029, 6, 9), date(2029, 10, 21)}


def test_a_row_whose_sentence_tells_an_earlier_event_in_the_pluperfect_is_still_one_launch_only():
    text = CHRONOLOGY.replace("the farthest any of its missiles had flown to that date",
                              "a test the North had announced a week before")
    assert _days(text) == {date(2029, 3, 3), date(2029, 6, 9), date(2029, 10, 21)}


DATED_LIST = ("February 2030 in launches: a dated list\n\n"
              "Posted 2 March 2030 by the research team\n\n"
              "North Korea carried out four launch events in February. Dates are local (KST).\n\n"
              "Feb 3 \u2014 Two short-range ballistic missiles from Sukchon, 6:41 a.m. and 6:52 a.m.; about 300 km "
              "east.\n"
              "Feb 9 \u2014 Second \"hypersonic\" test from Jagang, 7:27 a.m.; JCS says it flew more than 700 km.\n"
              "Feb 16 \u2014 Third test of the month, from the Hamhung area, 8:00 a.m.; about 190 km east.\n"
              "Feb 24 \u2014 Hwasong-12 intermediate-range missile from Jagang, 7:52 a.m., lofted to about 2,000 km.\n")


def test_a_dated_row_that_counts_its_test_in_a_series_is_a_launch_of_its_own():
    assert _days(DATED_LIST) == {date(2030, 2, 3), date(2030, 2, 9), date(2030, 2, 16), date(2030, 2, 24)}


def test_a_row_counting_something_else_than_a_test_is_no_launch():
    text = DATED_LIST.replace("Second \"hypersonic\" test from Jagang, 7:27 a.m.; JCS says it flew more than 700 km.",
                              "Second round of talks in Geneva; the envoys met for two hours.")
    assert date(2030, 2, 9) not in _days(text)


SATELLITE_TIMELINE = ("Timeline: the North's satellite attempts\n"
                      "Space desk \u2014 updated 30 June 2031, 09:15 KST\n\n"
                      "North Korea has tried to put a satellite into orbit three times this year.\n\n"
                      "2031-02-11: Chollima-1 from Sohae's coastal pad, 06:27 KST. The second stage failed and the "
                      "rocket fell into the Yellow Sea.\n\n"
                      "2031-04-19: Second Chollima-1, Sohae, 10:02 KST. The satellite reached orbit.\n\n"
                      "2031-06-28: New rocket with a kerosene-oxygen engine, from Sohae at 22:31 KST. It exploded "
                      "about two minutes after lift-off.\n")


def test_a_row_naming_the_engine_its_rocket_carried_is_still_a_launch():
    assert _days(SATELLITE_TIMELINE) == {date(2031, 2, 11), date(2031, 4, 19), date(2031, 6, 28)}


def test_a_row_about_an_engine_test_is_no_launch():
    text = SATELLITE_TIMELINE.replace("2031-06-28: New rocket with a kerosene-oxygen engine, from Sohae at 22:31 KST. "
                                      "It exploded about two minutes after lift-off.",
                                      "2031-06-28: New rocket engine on the Sohae stand, 200 seconds, 22:31 KST.")
    assert _days(text) == {date(2031, 2, 11), date(2031, 4, 19)}


def _alerted(text: str) -> set[str]:
    places = shipped_matcher().find(text)
    return {f.place for f in find_warning_areas(text, split_sentences(text), places)}


def test_an_alert_whose_message_was_mistaken_still_went_to_every_place_it_lists():
    text = ("North Korea fired an ICBM on Thursday. Japan's J-Alert system mistakenly warned residents of Miyagi, "
            "Yamagata and Niigata prefectures that it had passed over the country.")
    assert _alerted(text) == {"miyagi-prefecture", "yamagata-prefecture", "niigata-prefecture"}
    told = ("North Korea fired a rocket on Thursday. The J-Alert erroneously told people in Okinawa that the rocket "
            "had flown over the islands.")
    assert _alerted(told) == {"okinawa-prefecture"}


def test_an_alert_sent_by_mistake_to_a_place_is_still_no_warning_for_it():
    text = ("North Korea fired an ICBM on Thursday. Japan's J-Alert system mistakenly warned residents of Miyagi and "
            "Yamagata prefectures, then withdrew the message.")
    assert not _alerted(text) & {"miyagi-prefecture"}


WIRE = ("SEOUL, March 9, 2031 (Wire) -- North Korea fired several cruise missiles into the West Sea on Sunday, "
        "South Korea's military said, its third cruise missile launch in two weeks.\n\n"
        "The Joint Chiefs of Staff said it detected the missiles at around 10 a.m.\n\n"
        "On Tuesday, March 4, the North fired two cruise missiles at around 7 a.m. off Nampo.\n\n"
        "On Feb. 26, the JCS said the North fired several cruise missiles over the West Sea at around 6 a.m.\n")


def test_a_roundups_launch_told_as_said_on_its_day_is_a_launch_on_that_day_at_its_own_time():
    draft = drafted(WIRE)
    times = {d.date: d.time.hour if d.time else None for d in [draft, *draft.others]}
    assert times == {date(2031, 3, 9): 10, date(2031, 3, 4): 7, date(2031, 2, 26): 6}  # local (KST)


def test_a_day_said_of_a_launch_told_on_another_day_is_not_that_launchs_day():
    text = WIRE.replace("On Feb. 26, the JCS said the North fired several cruise missiles over the West Sea at around "
                        "6 a.m.", "On Feb. 26, the JCS said the North fired several cruise missiles on Feb. 24.")
    days = _days(text)
    assert date(2031, 2, 26) not in days
    told = WIRE.replace("On Feb. 26, the JCS said the North fired", "On Feb. 26, the JCS said the North would fire")
    assert date(2031, 2, 26) not in _days(told)


def _bearing(text: str) -> float | None:
    from viewer.ingest.directions import stated_direction

    found = stated_direction(text, split_sentences(text), shipped_matcher(), None)
    return None if found is None else round(found.bearing)


def test_missiles_fired_out_over_a_coasts_sea_went_that_coasts_way():
    assert _bearing("The North fired several cruise missiles over the West Sea at around 7 a.m.") == 270
    assert _bearing("The North fired two cruise missiles at around 8 a.m. in waters near Sinpo, a port on the east "
                    "coast, over the East Sea.") == 90
    assert _bearing("It launched four missiles over the Yellow Sea on Monday.") == 270
    assert _bearing("The latest launch follows one on Tuesday, Jan. 30, when the North fired several cruise missiles "
                    "over the West Sea at around 7 a.m.") == 270


def test_a_sea_flown_over_in_patterns_or_named_in_an_earlier_launchs_clause_gives_no_direction():
    assert _bearing("The North fired three cruise missiles over the Yellow Sea. They flew figure-of-eight patterns "
                    "for two hours.") is None
    assert _bearing("Two cruise missiles were fired from Nampo and circled over the West Sea.") is None
    assert _bearing("The launch came four days after the North fired several cruise missiles over the Yellow "
                    "Sea.") is None
    assert _bearing("The North fired a missile over Hokkaido.") != 270  # a prefecture: where it went, not a coast


REVIEW = ("2030: THE YEAR IN LAUNCHES\n"
          "Year in review | Published December 29, 2030\n\n"
          "By any count, 2030 was a busy year for the North's missile forces. Below, the launches that shaped it.\n\n"
          "A cold start. The year began on January 9, when a missile the North called hypersonic was fired from "
          "Jagang Province shortly after 7 a.m. It came down in the sea east of the peninsula.\n\n"
          "Long range again. Then, on April 2, it ended its pause in long-range tests. The missile, launched from "
          "Pyongyang's Sunan airfield at 3:10 p.m., flew for some 68 minutes.\n\n"
          "Over Japan. The launch that most alarmed the public came on September 12. An intermediate-range missile "
          "fired from Jagang at about 6:50 a.m. crossed Aomori Prefecture and fell into the Pacific. Tokyo sent "
          "J-Alert warnings to residents of Hokkaido and Aomori.\n\n"
          "Looking ahead. Expect 2031 to bring a first solid-fuel ICBM.\n")


def _launches(text: str) -> dict[date | None, object]:
    draft = drafted(text)
    return {d.date: d for d in [draft, *draft.others]}


def test_a_year_in_review_tells_one_launch_per_run_of_sentences_each_with_its_own_time_and_alerts():
    launches = _launches(REVIEW)
    assert set(launches) == {date(2030, 1, 9), date(2030, 4, 2), date(2030, 9, 12)}
    hours = {day: d.time.hour if d.time else None for day, d in launches.items()}  # local (KST)
    assert hours == {date(2030, 1, 9): 7, date(2030, 4, 2): 15, date(2030, 9, 12): 6}
    alerted = {day: {f.place for f in d.features if f.kind == "warning_area"} for day, d in launches.items()}
    assert alerted == {date(2030, 1, 9): set(), date(2030, 4, 2): set(),
                       date(2030, 9, 12): {"hokkaido", "aomori-prefecture"}}


FAQ = ("FAQ: the North's launches\n\n"
       "Reader desk \u00b7 Monday, June 9, 2031\n\n"
       "Q: When did North Korea last try to launch a satellite?\n"
       "A: On May 20, 2031, at about 10:30 p.m. Korea time. The rocket lifted off from the Sohae station and exploded "
       "over the Yellow Sea. Japan issued a J-Alert for Okinawa Prefecture.\n\n"
       "Q: When did a North Korean missile last fly over Japan?\n"
       "A: On February 3, 2031. An intermediate-range missile passed over Aomori Prefecture and landed in the "
       "Pacific. J-Alert messages went to residents in Aomori and Hokkaido.\n\n"
       "Q: When was the last ICBM test?\n"
       "A: On April 14, 2031, when a Hwasong-18 was fired from the Pyongyang area and flew for 70 minutes.\n")


def test_an_faqs_answers_are_each_a_launch_with_the_alerts_told_in_its_own_answer():
    launches = _launches(FAQ)
    assert set(launches) == {date(2031, 5, 20), date(2031, 2, 3), date(2031, 4, 14)}
    alerted = {day: {f.place for f in d.features if f.kind == "warning_area"} for day, d in launches.items()}
    assert alerted == {date(2031, 5, 20): {"okinawa-prefecture"}, date(2031, 2, 3): {"hokkaido", "aomori-prefecture"},
                       date(2031, 4, 14): set()}


EXPLAINER = ("What is the Hwasong-20? The solid-fuel ICBM, explained\n\n"
             "Explainer | 19 October 2032\n\n"
             "North Korea fired its newest intercontinental ballistic missile on Monday, the third flight of the "
             "Hwasong-20.\n\n"
             "The test flights\n"
             "- First flight, 11 March 2032: launched from near Pyongyang at about 7:10 a.m. Korea time.\n"
             "- Second flight, 2 July 2032: launched from the Pyongyang area at about 9 a.m.\n"
             "- Third flight, 18 October 2032: launched from the Pyongyang area at 8:05 a.m. on Monday.\n")


def test_an_explainers_lead_launch_told_again_in_its_list_is_one_launch_not_two():
    launches = _launches(EXPLAINER)
    assert set(launches) == {date(2032, 3, 11), date(2032, 7, 2), date(2032, 10, 18)}
    assert len(drafted(EXPLAINER).others) == 2


def test_one_launchs_story_naming_days_in_one_paragraph_is_no_round_up():
    text = ("SEOUL, March 3, 2031 -- North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Monday, March "
            "3, the military said. It was its first launch since January 14, and came after drills that began on "
            "February 27.\n\nThe missile flew about 600 km east.\n")
    launches = _launches(text)
    assert date(2031, 3, 3) in launches
    assert date(2031, 2, 27) not in launches


def test_an_orbit_the_north_claimed_that_no_one_else_saw_is_no_outcome():
    text = ("On August 31, 2030, a rocket lifted off from Sohae at 12:07 p.m. North Korea said it had put a "
            "satellite into orbit; no one else ever detected it.")
    assert drafted(text).outcome is None
    seen = text.replace("no one else ever detected it", "US Space Command catalogued it the next day")
    assert drafted(seen).outcome == "orbit"


def _site(text: str) -> str | None:
    found = drafted(text).first("launch_site")
    return None if found is None else found.place


def test_a_place_in_an_earlier_launchs_clause_is_not_the_site_of_the_launch_reported():
    text = ("North Korea fired a submarine-launched ballistic missile into the East Sea on April 23, 2031, the "
            "military said. It came eight days after the North's attempt to fire a Musudan missile from the Wonsan "
            "area failed seconds after lift-off.")
    assert _site(text) != "wonsan-kalma"
    since = ("North Korea fired a ballistic missile on May 2, 2031, the military said. It was the first launch since "
             "it fired two missiles from Sunan in March.")
    assert _site(since) != "sunan"


def test_the_reported_launchs_own_site_after_an_earlier_launchs_clause_is_still_its_site():
    text = ("Two days after it fired cruise missiles from Nampo, North Korea launched a ballistic missile from Sunan "
            "on May 4, 2031, the military said.")
    assert _site(text) == "sunan"


def test_a_launch_counted_in_days_from_the_one_before_it_is_a_launch_on_that_day():
    text = REVIEW.replace("It came down in the sea east of the peninsula.",
                          "It came down in the sea east of the peninsula. Six days later a second \"hypersonic\" "
                          "test followed, also from Jagang.")
    assert set(_launches(text)) == {date(2030, 1, 9), date(2030, 1, 15), date(2030, 4, 2), date(2030, 9, 12)}


def test_a_day_counted_for_something_else_than_a_launch_is_no_launch():
    text = REVIEW.replace("It came down in the sea east of the peninsula.",
                          "It came down in the sea east of the peninsula. Six days later state media published "
                          "photographs of Kim Jong Un at the site.")
    assert set(_launches(text)) == {date(2030, 1, 9), date(2030, 4, 2), date(2030, 9, 12)}


def test_a_warning_mechanism_launched_is_no_missile_launch():
    from story import read

    from viewer.ingest import draft_article

    text = ("Japan-U.S.-ROK ministerial meeting, Tokyo, July 28, 2031\n\n"
            "The ministers condemned North Korea's ballistic missile launches this year and North Korea's military "
            "cooperation with Russia. They welcomed the smooth "
            "operation of the real-time missile warning data-sharing mechanism launched in December 2030, and "
            "agreed to meet again in Seoul.\n")
    assert draft_article(read(text)) is None
    system = text.replace("data-sharing mechanism launched", "data-sharing system first launched")
    assert draft_article(read(system)) is None
    fired = text.replace("They welcomed the smooth operation of the real-time missile warning data-sharing mechanism "
                         "launched in December 2030", "North Korea fired a ballistic missile on July 27, 2031")
    assert draft_article(read(fired)) is not None
