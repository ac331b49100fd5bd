"""Round 9 (issue 17): classes of phrasing the rules lacked, each tested on sentences written for it — labelled
issue stamps, launches told by a noun or a detecting agency, earlier launches told by what the rocket did,
directions given only by where the flight came down, outcome words."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes
from viewer.ingest.datelines import find_dateline
from viewer.ingest.findings import ArticleDraft


def drafted(text: str) -> ArticleDraft | None:
    return draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))


def launches(text: str) -> list[ArticleDraft]:
    draft = drafted(text)
    return [] if draft is None else [draft, *draft.others]


@pytest.mark.parametrize(("head", "day"), [
    # a bulletin's or release's labelled stamp, with a weekday aside before its clock
    ("HARBOUR MASTER'S OFFICE\nCircular No. 7\nIssued: 9 March 2021 (Tuesday), 14:05\n\nBody", date(2021, 3, 9)),
    ("Regional office\nIssued: October 2, 2019 (Wednesday), 08:15\n\nBody", date(2019, 10, 2)),
    # military clock times after the date, in capitals
    ("CARGO AIRLINE OPS\nIssued: 14 FEB 2022 0915Z            Effective: now\n\nBody", date(2022, 2, 14)),
    ("OPS MEMO\nDate: 03 JUN 2025, 2210 UTC          Distribution: crews\n\nBody", date(2025, 6, 3)),
    ("DISPATCH NOTE 22-9  /  ISSUED 05 SEP 2022 0300Z  /  UNTIL FURTHER NOTICE\n\nBody", date(2022, 9, 5)),
    # labels of two words or more
    ("Fisheries bureau\nDate of issue: 2020. 4. 14. 11:20\n\nBody", date(2020, 4, 14)),
    ("Ministry of Defense\nRelease date: 2019. 7. 25.\nRelease time: 10:00\n\nBody", date(2019, 7, 25)),
    ("Seoul desk | Live page opened 12 October 2022, 07:40 KST (22:40 GMT)\n\nBody", date(2022, 10, 12)),
    ("Watch cell notes. Page created 2025-05-08 01:10 UTC by the duty editor; last edit 2025-05-09.\n\nBody",
     date(2025, 5, 8)),
    ("Live updates, Friday 18 November 2022. All times KST.\n\nBody", date(2022, 11, 18)),
    ("Research notes | Open-source monitoring | 3 April 2024, 1130 UTC\n\nBody", date(2024, 4, 3)),
])
def test_labelled_issue_stamps_give_the_published_date(head, day):
    found = find_dateline(head)
    assert found is not None
    assert found.value == day


def test_a_label_in_running_text_is_not_a_stamp():
    assert find_dateline("North Korea said a warning it issued on 9 March 2021 still stood, officials said in a "
                         "long statement read on state television about its plans.") is None


def test_a_date_in_capitals_dates_the_launch_not_the_bulletin():
    text = ("CARGO AIRLINE OPS\nOPERATIONS BULLETIN 22-014\nIssued: 14 FEB 2022 0915Z            Effective: now\n"
            "SUBJECT: DPRK MISSILE LAUNCH OF 11 FEB\n\n1. EVENT\nOn 11 FEB at 0105Z the DPRK launched a ballistic "
            "missile from the Sunan area near Pyongyang. The missile flew east for about 30 minutes.\n")
    draft = drafted(text)
    assert draft is not None
    assert draft.date == date(2022, 2, 11)
    assert draft.time is not None
    assert draft.time.astimezone(UTC).strftime("%d %H%M") == "11 0105"


def test_a_full_date_in_a_headline_above_the_page_stamp_dates_the_launch():
    text = ("# Watch log: 2025-03-04 missile firing off Sinpo\n\n*Page created 2025-03-04 10:00 UTC by the desk; "
            "last edit 2025-03-05 09:00 UTC.*\n\n- North Korea fired two cruise missiles from waters off Sinpo, "
            "per the JCS.\n- Path: the missiles flew north-east over the sea (state media claim, 2025-03-05).\n")
    draft = drafted(text)
    assert draft is not None
    assert draft.date == date(2025, 3, 4)


@pytest.mark.parametrize("sentence", [
    # a comparison is no hedge
    "North Korea's rocket broke apart little more than a minute after it lifted off from Sohae on Friday morning.",
    # "Per <source>," names who said it, as "according to" does
    "North Korea had notified a window. Per Japan's defence ministry, a rocket lifted off from Sohae at 1342Z today "
    "and flew south.",
    # an agency detected the launch: it happened
    "North Korea's satellite attempt failed on Thursday. The Joint Chiefs of Staff said the military detected the "
    "launch of what the North calls a space launch vehicle at 3:50 a.m. from the Tongchang-ri area.",
    # the launch told by when it took place
    "North Korea told the IMO it would launch a satellite. The launch itself came at 9:30 a.m. Korea time on 7 "
    "February, from Sohae.",
    # the rocket left its pad
    "North Korea's rocket left Sohae at 9:31 a.m. on Sunday and flew south over the Yellow Sea.",
])
def test_launches_told_by_a_comparison_a_source_a_detection_a_noun_or_leaving(sentence):
    story = f"Rocket story\nFebruary 8, 2016\n\n{sentence}\n"
    assert len(launches(story)) == 1


@pytest.mark.parametrize("sentence", [
    "North Korea will launch more than one rocket from Sohae this year, officials said.",
    "The military said it would track the launch of any North Korean rocket from Sohae.",
    "Officials did not detect the launch of any North Korean rocket from Sohae on Sunday.",
    "The launch is expected at 9:30 a.m. from Sohae, North Korea said.",
    "Per the agreement, North Korea's rocket must stay on its pad at Sohae.",
])
def test_no_launch_from_plans_or_hedges(sentence):
    assert launches(f"Rocket story\nFebruary 8, 2016\n\n{sentence}\n") == []


def alerted(text: str) -> set[str | None]:
    draft = drafted(text)
    assert draft is not None
    return {f.place for f in draft.features if f.kind == "warning_area"}


def test_an_alert_that_was_not_issued_alerts_nobody():
    text = ("Rocket story\nApril 13, 2012\n\nNorth Korea launched a rocket from Sohae on Friday morning. The J-Alert "
            "system was not activated, and Okinawa Prefecture heard of the failure from television.\n")
    assert alerted(text) == set()


def test_a_place_overflown_or_a_distances_reference_after_the_alerts_place_is_not_alerted():
    text = ("Rocket story\nFebruary 7, 2016\n\nNorth Korea launched a rocket from Sohae on Sunday morning. Tokyo "
            "issued a J-Alert for Okinawa Prefecture at 9:34 and the rocket passed over the Sakishima islands a few "
            "minutes later. The J-Alert for Okinawa Prefecture came as the last stage fell 1,200 km SW of "
            "Okinotorishima.\n")
    assert alerted(text) == {"okinawa-prefecture"}


def bearing_of(draft: ArticleDraft) -> float | None:
    """The drafted direction: the flight path's first leg, else the direction claim (no site to draw from)."""
    from viewer.geo import geodesic

    path = draft.first("flight_path")
    if path is not None:
        (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
        return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
    return next((float(c.value) for c in draft.claims if c.property == "direction_deg"), None)


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("It came down at sea west of Okushiri, outside Japan's exclusive economic zone.", 45, 90),
    ("The missile came down inside Japan's exclusive economic zone, west of Aomori, Japan said.", 60, 100),
    ("The missile flew over Aomori Prefecture before falling into the Pacific.", 60, 100),
])
def test_a_direction_told_only_by_a_far_place_where_the_flight_went(sentence, low, high):
    text = ("Missile story\nMay 3, 2027\n\nNorth Korea launched a ballistic missile from Pyongyang on Monday morning, "
            f"South Korea's military said. {sentence}\n")
    draft = drafted(text)
    assert draft is not None
    bearing = bearing_of(draft)
    assert bearing is not None
    assert low <= bearing <= high


def test_with_no_site_the_bearing_is_taken_from_the_country():
    text = ("Missile story\nMay 3, 2027\n\nNorth Korea launched a ballistic missile on Monday morning, South Korea's "
            "military said. The missile flew over Hokkaido and fell into the Pacific.\n")
    draft = drafted(text)
    assert draft is not None
    assert draft.first("launch_site") is None
    bearing = bearing_of(draft)
    assert bearing is not None
    assert 45 <= bearing <= 90


@pytest.mark.parametrize("sentence", [
    # ("It flew over Japan and landed in the Pacific" goes east since round 18: test_round18_fields_directions.py)
    "That missile came down in the sea west of Japan.",
    # ("It landed in the Sea of Japan" from Pyongyang goes east since round 19: docs/ingest-conventions.md)
])
def test_a_country_or_a_sea_is_no_direction(sentence):
    text = ("Missile story\nMay 3, 2027\n\nNorth Korea launched a ballistic missile from Pyongyang on Monday morning, "
            f"South Korea's military said. {sentence}\n")
    draft = drafted(text)
    assert draft is not None
    assert bearing_of(draft) is None


@pytest.mark.parametrize(("sentence", "outcome"), [
    ('"Initial indications are that the rocket deployed an object that appeared to achieve orbit," NORAD said.',
     "orbit"),
    ("It was the regime's first successful orbital launch, analysts said.", "orbit"),
    ("US Space Command has catalogued the satellite as 2031-044A, in a 500 x 520 km orbit.", "orbit"),
    ("Trackers are following two objects in a polar orbit.", None),  # no verb of tracking: a description
    ("US Strategic Command is tracking two objects in a polar orbit.", "orbit"),
    ("Outcome: orbit.", "orbit"),
    ("No object entered orbit, the U.S. military said.", "failure"),
    ("Nothing has reached orbit, officials in Washington said.", "failure"),
    ("The missile flew 800 km before accurately landing in the waters of the East Sea, state media said.", "success"),
    ("It is not clear whether the satellite will reach orbit.", None),
])
def test_outcome_words_of_trackers_analysts_and_state_media(sentence, outcome):
    from viewer.ingest.claims import outcome_claims
    from viewer.ingest.sentences import split_sentences

    found = outcome_claims(sentence, split_sentences(sentence), space=True)
    assert [f.value for f in found] == ([outcome] if outcome else [])


@pytest.mark.parametrize(("claimed", "settled"), [
    ([("orbit", "North Korean state media (per article)"), ("failure", "NORAD (per article)")], "failure"),
    ([("success", "North Korea (per article)"), ("orbit", "US Space Command (per article)")], "orbit"),
    # the article's own words may be another launch's: no independent word, no outcome
    ([("orbit", "North Korea (per article)"), ("failure", "the article (unattributed)")], None),
    ([("failure", "NORAD (per article)"), ("orbit", "Japan (per article)")], None),
    ([("orbit", "KCNA (per article)"), ("orbit", "NORAD (per article)")], "orbit"),
])
def test_an_independent_source_settles_a_state_media_claim(claimed, settled):
    from viewer.ingest.claims import settled_outcome

    assert settled_outcome(claimed) == settled


def test_a_tracker_denying_orbit_outweighs_the_state_media_claim_in_a_draft():
    text = ("Rocket story\nApril 6, 2031\n\nNorth Korea launched a long-range rocket from Sohae on Sunday morning. "
            "North Korea's state news agency declared that the satellite was in orbit. \"No object entered orbit,\" "
            "the U.S. military said.\n")
    draft = drafted(text)
    assert draft is not None
    assert draft.outcome == "failure"


@pytest.mark.parametrize(("sentence", "other"), [
    ("Lee was sworn in as South Korea's president on Wednesday.", True),
    ("The drills, which began on Monday, run for ten days.", True),
    ("He was mourning his mother, who died on Tuesday.", True),
    ("The talks opened on Monday in Geneva.", True),
    ("North Korea's satellite attempt ended on Tuesday night when its rocket blew up.", False),
    ("North Korea fired a missile on Tuesday.", False),
])
def test_another_events_day_is_told_in_one_place(sentence, other):
    from viewer.ingest.sentences import Sentence
    from viewer.ingest.statement_days import statement_day
    from viewer.ingest.times import find_dates

    mention = find_dates(sentence, 0, len(sentence), date(2027, 5, 6))[0]
    assert statement_day(sentence, mention, Sentence(0, len(sentence), 0).start) is other


@pytest.mark.parametrize(("words", "clock"), [
    ("at approximately 07:55 today", (7, 55)),
    ("early (10:04 local)", (10, 4)),
    ("between about 8:10 and 9:20 this morning", (8, 10)),
    ("between 8:10 and 9:20 p.m.", (20, 10)),
    ("from 22:10 to 22:40", (22, 10)),
])
def test_clock_times_with_a_qualifier_a_bare_local_or_opening_a_range(words, clock):
    from viewer.ingest.times import find_times

    text = f"The missiles were fired {words}."
    found = find_times(text, 0, len(text), "KST")
    assert (found[0].hour, found[0].minute) == clock


def test_from_2010_to_2012_is_no_clock():
    from viewer.ingest.times import find_times

    text = "Launches from 2010 to 2012 were rare."
    assert find_times(text, 0, len(text), "KST") == []


def test_a_line_wrapped_by_hand_after_a_preposition_or_before_an_indented_line_goes_on():
    text = ("Security alert\n2 June 2027\n\n"
            "North Korea launched one submarine-launched ballistic missile from waters off\n"
            "Sinpo, South Hamgyong Province, at 0104 UTC on 2 JUN, the military said.\n\n"
            "Defence ministry release\n"
            "1. North Korea launched one ballistic missile in an easterly direction from the area\n"
            "   of Kusong, North Phyongan Province, at approximately 07:55 today.\n")
    from viewer.ingest.sentences import split_sentences

    joined = [text[s.start : s.end] for s in split_sentences(text)]
    assert any(s.startswith("North Korea launched one submarine") and s.endswith("the military said.") for s in joined)
    assert any(s.startswith("North Korea launched one ballistic") and s.endswith("07:55 today.") for s in joined)


def test_a_missile_detected_at_a_time_gives_the_launchs_time_and_site():
    text = ("Missile story\nApril 6, 2027\n\nSEOUL \u2014 North Korea fired a ballistic missile on Tuesday morning, "
            "South Korea's military said. The Joint Chiefs of Staff said it detected the missile at 6:53 a.m. from "
            "the Pyongyang area.\n")
    draft = drafted(text)
    assert draft is not None
    assert draft.time is not None
    assert draft.time.astimezone(UTC).strftime("%Y-%m-%d %H:%M") == "2027-04-05 21:53"
    assert draft.first("launch_site") is not None


LEAD = ("Rocket story\nMarch 3, 2031\n\nNorth Korea launched a Chollima-2 rocket from Sohae on Monday morning, "
        "South Korea's military said. ")


@pytest.mark.parametrize(("sentence", "day", "outcome"), [
    ("On 12 December 2012 an Unha-3 from Sohae placed an object in orbit.", date(2012, 12, 12), "orbit"),
    ("It was a different picture on April 13, 2012, when the previous Unha-3 blew apart a minute into its flight.",
     date(2012, 4, 13), "failure"),
    ("On 21 November 2023 a Chollima-1 rocket from the same station placed a satellite in orbit.",
     date(2023, 11, 21), "orbit"),
    ("On 21 November 2023 the third Chollima-1 from the coastal pad reached orbit.", date(2023, 11, 21), "orbit"),
])
def test_an_earlier_launch_told_by_what_the_rocket_did_on_its_day(sentence, day, outcome):
    found = launches(LEAD + sentence + "\n")
    passing = [d for d in found if d.date == day]
    assert len(passing) == 1
    assert passing[0].outcome == outcome


def test_a_rocket_that_only_stood_on_its_pad_that_day_is_no_launch():
    found = launches(LEAD + "On 12 December 2012 an Unha-3 from Sohae stood on its pad for the cameras.\n")
    assert [d.date for d in found] == [date(2031, 3, 3)]


def test_off_the_west_coast_of_another_country_is_where_it_fell_not_a_heading():
    from viewer.ingest.directions import stated_direction
    from viewer.ingest.places import shipped_matcher
    from viewer.ingest.sentences import split_sentences

    text = "The rocket fell into the Yellow Sea off the west coast of South Korea."
    assert stated_direction(text, split_sentences(text), shipped_matcher(), None) is None
    text = "The missile was fired into the sea off its east coast."
    assert stated_direction(text, split_sentences(text), shipped_matcher(), None) is not None


def test_a_figure_of_speech_is_no_picture_date_but_imagery_is():
    from viewer.ingest.sentences import Sentence
    from viewer.ingest.statement_days import statement_day
    from viewer.ingest.times import find_dates

    for sentence, picture in (("It was a very different picture on April 13, when the rocket blew apart.", False),
                              ("Satellite imagery from June 4 shows the pad.", True)):
        mention = find_dates(sentence, 0, len(sentence), date(2027, 7, 1))[0]
        assert statement_day(sentence, mention, Sentence(0, len(sentence), 0).start) is picture


def test_a_timeline_in_the_present_tense():
    text = ("Timeline: North Korea's launches this year\nUpdated December 1, 2027\n\n"
            "Sept. 15 - Another Hwasong-12 leaves Sunan at about 6:57 a.m. and crosses Hokkaido.\n")
    found = launches(text)
    assert [d.date for d in found] == [date(2027, 9, 15)]
    bearing = bearing_of(found[0])
    assert bearing is not None
    assert 45 <= bearing <= 90


@pytest.mark.parametrize("sentence", [
    "Kim Jong Un left Pyongyang on Monday for talks in Moscow about missiles.",
    "The missile left a crater near the launch site, imagery shows.",
])
def test_leaving_is_a_launch_only_for_a_rocket_leaving_a_place(sentence):
    assert launches(f"Story\nSeptember 16, 2027\n\n{sentence}\n") == []


ROWS = ("Three launches, three windows\n\nAnalysis | Monitoring notes | 2 December 2031, 0900 UTC\n\n"
        "North Korea filed three notices this year.\n\n"
        "1) Chollima-2, 3 May, 2130 UTC (06:30 on 4 May in Pyongyang). The rocket flew south from the Sohae "
        "coastal pad and its second stage failed. Outcome: failure.\n\n"
        "2) Chollima-2, 9 Aug, 1850 UTC (03:50 on 10 Aug local). Window: 9 Aug 1500 to 16 Aug 1500. It flew "
        "south from Sohae. Outcome: failure.\n\n"
        "3) Chollima-2, 21 Nov, 1342 UTC (22:42 local). The rocket flew south from Sohae. US Space Command has "
        "catalogued the satellite in a 500 x 510 km orbit. Outcome: orbit.\n")


def test_a_list_of_launches_each_told_in_its_rows_paragraph():
    found = launches(ROWS)
    assert [(d.date, d.outcome) for d in found] == [
        (date(2031, 5, 4), "failure"), (date(2031, 8, 10), "failure"), (date(2031, 11, 21), "orbit")]
    assert [d.time.astimezone(UTC).strftime("%m-%d %H%M") for d in found if d.time] == [
        "05-03 2130", "08-09 1850", "11-21 1342"]
    assert all(d.first("launch_site") is not None and d.first("launch_site").place.startswith("sohae")
               for d in found)  # not Pyongyang, whose clock "06:30 … in Pyongyang" is


@pytest.mark.parametrize("row", [
    "2023-05-31  Chollima-1  Sohae  failure",
    "| 2016-02-07 | Unha-3 | Sohae | orbit |",
    "- 12 Dec 2012: Unha-3, Sohae, orbit",
])
def test_table_rows_name_launches(row):
    from viewer.ingest.launch_nouns import launch_row
    from viewer.ingest.sentences import split_sentences

    assert launch_row(row, split_sentences(row)[0])


@pytest.mark.parametrize("row", [
    "Hwasong-17, shown at the parade on 8 February 2023.",
    "On 12 May a Hwasong-12 flew east.",  # a sentence, read as one
    "2031-05-03  Chollima-2  Sohae  launch window opens",
])
def test_a_parade_a_sentence_or_a_window_is_no_row(row):
    from viewer.ingest.launch_nouns import launch_row
    from viewer.ingest.sentences import split_sentences

    assert not launch_row(row, split_sentences(row)[0])


def test_a_table_of_earlier_launches_does_not_date_the_story_launch():
    text = ("Missile database\nEntry last updated: August 2, 2031\n\nDate: July 28, 2031 (Monday)\n"
            "Time: 23:41 KST\nLaunch location: Mupyong-ni, Jagang Province\nMissile: Hwasong-20\n\n"
            "North Korea fired the Hwasong-20 from a stand.\n\nRelated entries\n"
            "- July 4, 2031: Hwasong-20 first flight, Panghyon, North Phyongan Province\n")
    found = launches(text)
    assert sorted(d.date for d in found if d.date) == [date(2031, 7, 4), date(2031, 7, 28)]


def test_a_utc_date_before_its_time_is_not_the_launchs_local_date():
    text = ("Rocket story\n2 December 2031\n\nNorth Korea launched a Chollima-2 rocket from Sohae on 3 May, 2130 UTC "
            "(06:30 on 4 May local).\n")
    draft = drafted(text)
    assert draft is not None
    assert draft.date == date(2031, 5, 4)
    assert draft.time is not None
    assert draft.time.astimezone(UTC).strftime("%m-%d %H%M") == "05-03 2130"
