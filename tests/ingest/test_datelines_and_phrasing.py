"""Datelines, bare clock times, directions, outcomes and sources as newsrooms write them."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes
from viewer.ingest.datelines import find_dateline
from viewer.resources import asset


def article(text: str, name: str = "story.txt"):
    from pathlib import Path

    return article_from_bytes(text.encode("utf-8"), Path(name), "doc-story")


@pytest.mark.parametrize(
    ("head", "day", "zone"),
    [
        ("Headline\n\nSEOUL, May 28, 2024 (Reuters) - North Korea fired", date(2024, 5, 28), "KST"),
        ("Headline\n\nTOKYO, Sept. 15, 2017 -- North Korea fired", date(2017, 9, 15), "JST"),
        ("Headline\n\nMay 28, 2024\n\nBy a reporter\n\nNorth Korea fired", date(2024, 5, 28), None),
        ("Headline\n\nFriday, 18 March 2022\n\nNorth Korea fired", date(2022, 3, 18), None),
        ("Headline\n\nPublished 28 May 2024, 14:02 KST\n\nNorth Korea fired", date(2024, 5, 28), "KST"),
        ("Headline\n\nUpdated: August 29, 2017, 08:40 JST\n\nNorth Korea fired", date(2017, 8, 29), "JST"),
        ("Headline\n\n2023-08-24T06:10:00+09:00\n\nNorth Korea fired", date(2023, 8, 24), None),
        ("Headline\n\nWASHINGTON -- The Pentagon said", None, "ET"),
        ("Headline\n\nPyongyang, November 22 (KCNA) -- The", None, "Pyongyang time"),
        ("Headline\n\nSEOUL/TOKYO, Oct 4, 2022 (Reuters) - North Korea", date(2022, 10, 4), "KST"),
        ("Headline\n\nSeoul (AFP) - Wed, September 28, 2022\n\nNorth Korea fired", date(2022, 9, 28), "KST"),
        ("Headline\n\nDate: 2024.07.01\n\nNorth Korea fired", date(2024, 7, 1), None),
        ("Press release\n\n2022. 11. 3.\n\n1. The Joint Chiefs of Staff detected", date(2022, 11, 3), None),
        ("Headline\n\nSEOUL, January 14, 2022. /TASS/. North Korea on Friday", date(2022, 1, 14), "KST"),
        ("Headline\n\nSource: Xinhua | 2023-03-17 09:45:12\n\nPYONGYANG, March 17 (Xinhua) -- The DPRK",
         date(2023, 3, 17), "Pyongyang time"),
        ("MORNING EDITION - Broadcast: October 19, 2021\n\nANCHOR: North Korea has fired", date(2021, 10, 19), None),
        ("Headline\n\nPyongyang, April 3, Juche 113 (2024) (KCNA) -- The DPRK", date(2024, 4, 3), "Pyongyang time"),
        ("Headline\n\nTOKYO, Nov. 3 Jiji - A missile", None, "JST"),
        ("Headline\n\nBUSAN, South Korea (AP) \u2014 A missile", None, "KST"),
        ("Headline\n\nTokyo (Reuters) - A missile", None, "JST"),
        ("Notice\n\n2019. 8. 6. (Tue)\n\n1. A missile", date(2019, 8, 6), None),
        ("[Press pool] 2019.08.06 (Tue)\n\n[Notice 1] A missile", date(2019, 8, 6), None),
        ("Headline\r\n\r\nTuesday 6 August 2019\r\n\r\nLive updates", date(2019, 8, 6), None),
        ("Headline\n\nPosted on: 16/08/2019 - 07:12 Edited: 16/08/2019 - 11:30\n\nBody", date(2019, 8, 16), None),
        ("Headline\n\nBerlin | Commentary | 6 August 2019\n\nBody", date(2019, 8, 6), None),
        ("Headline\n\nAugust 6, 2019 (The Daily Example)\n\nBody", date(2019, 8, 6), None),
        ("Evening bulletin\nTuesday, August 6, 2019, 21:00 JST\n\nANCHOR: A missile", date(2019, 8, 6), "JST"),
        ("Headline\n\nGENEVA, 3 June 2031\n\nThe conference", date(2031, 6, 3), None),
        ("Headline\nNorth Korea 09:12 June 3, 2031\n\nSEOUL, June 3 (Yonhap) -- North Korea", date(2031, 6, 3), "KST"),
        ("Headline\n\nUNITED NATIONS, 3 June 2031\n\nThe council", date(2031, 6, 3), "ET"),
        ("Headline\n\uc785\ub825 2031. 6. 3. 10:05 | \uc218\uc815 2031. 6. 3. 11:40\n\nSEOUL -- A missile",
         date(2031, 6, 3), "KST"),
        ("Headline\n\ub4f1\ub85d 2031. 6. 3. 10:05   \uc218\uc815 2031. 6. 3. 11:40\n\nA missile",
         date(2031, 6, 3), None),
    ],
)
def test_datelines_in_every_common_form(head, day, zone):
    found = find_dateline(head)
    assert found is not None
    assert (found.value, found.zone) == (day, zone)


def test_a_slashed_date_that_could_be_either_order_is_not_guessed():
    assert find_dateline("Headline\n\nPosted on: 06/08/2019 - 07:12 Edited: 06/08/2019 - 11:30\n\nBody") is None


def test_no_dateline_in_running_text():
    assert find_dateline("North Korea fired a missile on May 28, 2024, officials said in Seoul.") is None


def test_a_bare_time_takes_the_datelines_zone_and_weekdays_resolve_against_it():
    story = article("Rocket explodes\n\nMay 28, 2024\n\nThe rocket was fired from Tongchang-ri on Monday night at "
                    "10:44 p.m. on a southward path over the Yellow Sea, the military said. It exploded in flight.")
    assert story.published == date(2024, 5, 28)
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2024, 5, 27)
    assert draft.time is not None
    assert draft.time.isoformat() == "2024-05-27T22:44:00+09:00"  # the launch site's local time: no city given
    assert draft.outcome == "failure"
    time_claim = next(c for c in draft.claims if c.property == "time")
    assert time_claim.by.endswith("zone assumed")


def test_a_time_zoned_by_the_text_wins_and_its_weekday_is_not_the_local_date():
    story = article("SEOUL, April 13, 2012 (Wire) - The Unha-3 rocket was launched from Tongchang-ri at 7:39 a.m. "
                    "(2239 GMT Thursday) and headed south, the ministry said.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.time is not None
    assert draft.time.isoformat() == "2012-04-12T22:39:00+00:00"
    assert draft.date == date(2012, 4, 13)


def test_an_et_time_in_a_washington_story():
    story = article("WASHINGTON -- North Korea launched a missile from Mupyong-ri at about 10:41 a.m. EDT on Friday, "
                    "28 July 2017, the Pentagon said.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.time is not None
    assert draft.time.isoformat() == "2017-07-28T10:41:00-04:00"


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [
        ("fired a rocket from Tongchang-ri on a southward path over the Yellow Sea", "south"),
        ("fired a missile from Sunan eastward", "east"),
        ("launched a missile from Sinpo that flew east into the sea", "east"),
        ("launched a missile from Mupyong-ri in an easterly direction", "east"),
        ("fired a missile from Jangyon that headed west", "west"),
        ("fired a missile from Sunan toward the East Sea", "east"),
    ],
)
def test_directions_without_a_distance_draw_a_short_heading(sentence, heading):
    draft = draft_article(article(f"SEOUL, March 9, 2023 -- North Korea {sentence}, the military said."))
    assert draft is not None
    path = draft.first("flight_path")
    assert path is not None
    assert path.label.startswith(f"Heading {heading}")
    assert path.certainty == "approximate"
    assert 140 < path.geometry.length * 111 < 200  # about 150 km: a heading, not a range


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("North Korea's attempt to put a satellite into orbit ended in failure when the rocket exploded.", "failure"),
        ("The U.S. said no object entered orbit and the payload fell into the ocean.", "failure"),
        ("State media said the satellite was placed into orbit.", "orbit"),
        ("Local reports said the missile may have exploded shortly after lift-off.", None),
    ],
)
def test_outcomes_named_but_not_reached_or_hedged(sentence, outcome):
    draft = draft_article(article("SEOUL, Dec 12, 2012 -- North Korea launched a rocket from Sohae on Wednesday, "
                                  f"officials said. {sentence}"))
    assert draft is not None
    assert draft.outcome == outcome


def test_a_nickname_is_not_a_source_issue_14():
    text = asset("data", "articles", "001_4e722cd045efdfe0.txt").read_text(encoding="utf-8")
    draft = draft_article(article(text))
    assert draft is not None
    claim = next(c for c in draft.claims if c.property == "outcome")
    assert claim.by == "North Korea (per article)"
    start, end = claim.spans[0]
    assert text[start:end].startswith("The hermit kingdom claimed")


def test_a_weekday_after_the_announced_window_is_not_read_against_a_later_dateline_issue_14():
    text = asset("data", "articles", "002_722ae5fc878264be.txt").read_text(encoding="utf-8")
    story = article(text)
    assert story.published == date(2023, 11, 15)  # the header date, a re-post: the text reports August
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 8, 24)  # "on Thursday", the first Thursday of the 24-31 August window


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("an intercontinental ballistic missile", "ICBM"),
        ("a submarine-launched ballistic missile", "SLBM"),
        ("two short-range ballistic missiles", "SRBM"),
        ("several cruise missiles", "cruise missile"),
    ],
)
def test_ballistic_and_cruise_missile_launches_are_named_by_kind(words, kind):
    draft = draft_article(article(f"SEOUL, March 9, 2023 -- North Korea fired {words} from Sinpo on Thursday, "
                                  "the military said."))
    assert draft is not None
    assert draft.name == f"{kind[0].upper()}{kind[1:]} launch"
    assert ("vehicle_class", kind) in {(c.property, c.value) for c in draft.claims}


def test_a_story_of_two_launches_drafts_both():
    draft = draft_article(article(
        "SEOUL, July 29, 2017 -- North Korea launched an intercontinental ballistic missile late on Friday from "
        "Mupyong-ri, officials said. The missile was fired at 11:41 p.m. on Friday. Earlier this month, on July 4, "
        "North Korea launched its first ICBM, a Hwasong-14, from Panghyon near Kusong at 9:40 a.m."))
    assert draft is not None
    assert (draft.date, draft.vehicle) == (date(2017, 7, 28), None)  # the Hwasong-14 is the other launch's
    assert draft.first("launch_site").place == "mupyong-ri"
    (other,) = draft.others
    assert (other.date, other.vehicle, other.first("launch_site").place) == (date(2017, 7, 4), "Hwasong-14", "kusong")
    assert other.time.isoformat() == "2017-07-04T09:40:00+09:00"


def test_a_date_repeated_in_another_sentence_is_the_same_launch():
    draft = draft_article(article("SEOUL, July 29, 2017 -- North Korea launched a missile from Mupyong-ri on July 28, "
                                  "officials said. The missile launched from Mupyong-ri on July 28 flew east."))
    assert draft is not None
    assert draft.others == []


def test_a_weekday_of_an_eastern_time_is_not_the_launchs_local_date():
    draft = draft_article(article("WASHINGTON, Oct. 4, 2022 -- North Korea launched a missile from Mupyong-ri at "
                                  "6:23 p.m. Eastern time on Monday, officials said."))
    assert draft is not None
    assert draft.time is not None
    assert draft.time.isoformat() == "2022-10-03T18:23:00-04:00"
    assert draft.date == date(2022, 10, 4)  # Tuesday morning at the launch site


def test_a_question_claims_no_outcome_and_toward_the_east_is_a_heading():
    draft = draft_article(article("SEOUL, Oct. 4, 2022 -- North Korea launched a missile from Sunan toward the east, "
                                  "officials said.\n\nQ: Was the launch a success?"))
    assert draft is not None
    assert draft.outcome is None
    path = draft.first("flight_path")
    assert path is not None
    assert path.label.startswith("Heading east")


def test_a_launching_station_named_in_a_story_of_preparations_is_not_a_launch():
    text = ("Imagery shows work at Sohae\n\nSEOUL, Nov 10, 2023 -- New imagery shows that North Korea has expanded "
            "construction at its Sohae Satellite Launching Station, suggesting it could attempt another satellite "
            "launch in the coming weeks, analysts said on Friday.\n")
    assert draft_article(article(text)) is None


@pytest.mark.parametrize(
    ("sentence", "bearing"),
    [
        ("The missile was flown on a lofted trajectory to the east, officials said.", 90),
        ("It was fired towards the sea off its east coast, Seoul's military said.", 90),
    ],
)
def test_directions_in_more_newsroom_phrasing(sentence, bearing):
    text = (f"Launch\n\nSEOUL, Sept. 28, 2022 -- North Korea launched a ballistic missile from Sunan on "
            f"Wednesday. {sentence}\n")
    path = draft_article(article(text)).first("flight_path")
    assert path is not None
    assert f"bearing {bearing}" in path.derivation


def test_a_bare_time_paired_with_a_zoned_one_shares_its_zone():
    text = ("Missiles\n\nSEOUL, January 14, 2022. /TASS/. North Korea on Friday launched two short-range ballistic "
            "missiles from North Phyongan Province. They were fired at 14:41 and 14:52 local time, the JCS said.\n")
    result = draft_article(article(text))
    assert result.time.isoformat() == "2022-01-14T14:41:00+09:00"


@pytest.mark.parametrize(
    ("sentence", "lo", "hi"),
    [
        ("North Korea launched a ballistic missile from Sunan toward the eastern waters on Sunday.", 45, 135),
        ("North Korea fired a ballistic missile from the Sunan area of Pyongyang over Japan's northern Hokkaido "
         "island on Friday.", 45, 135),
    ],
)
def test_directions_from_waters_named_by_compass_and_from_an_island_fired_over(sentence, lo, hi):
    path = draft_article(article(f"Launch\n\nSEOUL, Jan. 14, 2024 -- {sentence}\n")).first("flight_path")
    assert path is not None
    bearing = float(path.derivation.split("bearing ")[1].split("°")[0]) if "bearing " in path.derivation else None
    assert bearing is None or lo <= bearing <= hi  # a path through Hokkaido gives its direction by its shape
    end = path.geometry.coords[-1]
    assert end[0] > path.geometry.coords[0][0]  # it heads east


def test_an_earlier_launch_fired_from_a_town_is_drafted_from_its_own_sentence():
    text = ("Projectiles\n\nSEOUL, Aug. 24, 2019 (Yonhap) -- North Korea fired two short-range projectiles from "
            "Sondok into the East Sea on Saturday morning, the JCS said. It was the North's first launch since Aug. "
            "16, when it fired two missiles from Tongchon.\n")
    result = draft_article(article(text))
    assert [o.date for o in result.others] == [date(2019, 8, 16)]
    assert result.others[0].first("launch_site").place == "tongchon"


def test_a_dateline_city_is_not_an_alerted_place():
    text = ("ICBM\n\nTOKYO, Nov 3, 2022 (AP) — North Korea fired an ICBM eastward on Thursday morning, prompting "
            "Japan to issue J-Alert warnings for Miyagi, Yamagata and Niigata prefectures.\n")
    areas = {f.place for f in draft_article(article(text)).features if f.kind == "warning_area"}
    assert areas == {"miyagi-prefecture", "yamagata-prefecture", "niigata-prefecture"}


def test_a_state_media_test_fire_on_a_date_from_the_suburbs_of_pyongyang():
    text = ("Test-fire\n\nPyongyang, April 3, Juche 113 (2024) (KCNA) -- The DPRK Missile Administration conducted a "
            "test-fire of a new-type ballistic missile on April 2.\n\nThe missile was launched from the suburbs of "
            "Pyongyang and flew 1,000 km.\n")
    result = draft_article(article(text))
    assert result.date == date(2024, 4, 2)
    assert result.first("launch_site").place == "pyongyang"


def test_a_direction_with_no_site_is_kept_as_a_claim():
    text = ("Flash\n\nSEOUL, March 18, 2024 (Yonhap) -- North Korea fired an unidentified ballistic missile toward "
            "the east on Monday, South Korea's military said.\n")
    result = draft_article(article(text))
    assert result.first("launch_site") is None
    assert [c.value for c in result.claims if c.property == "direction_deg"] == [90]


def test_revised_romanisation_and_sixteen_point_compass():
    text = ("Missiles\n\nSEOUL, Dec 31, 2022 (Reuters) - North Korea fired three short-range ballistic missiles from "
            "the Junghwa area on Saturday. They flew east-northeast, the JCS said.\n")
    result = draft_article(article(text))
    assert result.first("launch_site").place == "chunghwa"
    assert "bearing 68°" in result.first("flight_path").derivation


def test_a_location_off_the_coast_is_not_a_direction():
    text = ("Cruise missiles\n\nSEOUL, Jan. 24, 2024 -- North Korea fired several cruise missiles over the waters "
            "off its west coast on Wednesday, South Korea's military said.\n")
    result = draft_article(article(text))
    assert not [c for c in result.claims if c.property == "direction_deg"]
    assert result.first("flight_path") is None


@pytest.mark.parametrize(
    ("sentence", "utc"),
    [
        ("North Korea fired a ballistic missile from Sunan at 07:10 local time (2210 GMT Wednesday), the JCS said.",
         "2023-03-15T22:10:00+00:00"),
        ("North Korea test-fired an ICBM from Sunan at 7:10 a.m. (2210 GMT) on Thursday.", "2023-03-15T22:10:00+00:00"),
        ("The North launched an ICBM from Sunan at 7:10 a.m. on Thursday, Seoul said.", "2023-03-16T07:10:00+09:00"),
    ],
)
def test_a_launch_time_and_its_gmt_fall_on_the_right_days(sentence, utc):
    result = draft_article(article(f"Launch\n\nSEOUL, March 16, 2023 (Reuters) - {sentence}\n"))
    assert result.date == date(2023, 3, 16)
    assert result.time.isoformat() == utc


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea fired a ballistic missile from Sunan toward waters east of the Korean Peninsula on Thursday.",
        "North Korea fired a ballistic missile from Sunan on Thursday in the direction of the Sea of Japan.",
        "North Korea fired a ballistic missile from Sunan on Thursday; it headed out over the East Sea.",
    ],
)
def test_more_ways_of_saying_east(sentence):
    path = draft_article(article(f"Launch\n\nSEOUL, March 16, 2023 (Reuters) - {sentence}\n")).first("flight_path")
    bearing = float(path.derivation.split("bearing ")[1].split("°")[0])
    assert 45 <= bearing <= 135


def test_from_near_the_capital():
    text = "Launch\n\nSEOUL, March 16, 2023 - North Korea fired a missile from near the capital Pyongyang on Friday.\n"
    assert draft_article(article(text)).first("launch_site").place == "pyongyang"


@pytest.mark.parametrize(
    "sentence",
    ["Japan issued an evacuation advisory for Okinawa prefecture.",
     "The alert, for Okinawa, was lifted 30 minutes later."],
)
def test_more_alert_phrasing(sentence):
    text = f"Rocket\n\nTOKYO, Nov 21, 2023 (Reuters) - North Korea launched a satellite rocket on Tuesday. {sentence}\n"
    areas = [f.place for f in draft_article(article(text)).features if f.kind == "warning_area"]
    assert areas == ["okinawa-prefecture"]


@pytest.mark.parametrize(
    ("place", "site"),
    [("the western coastal town of Nampo", "nampo"), ("South Hamgyong Province", "eastern-north-korea"),
     ("a location near Pukchang", "pukchang")],
)
def test_sites_as_wire_stories_name_them(place, site):
    text = f"Launch\n\nSEOUL, May 21, 2017 (Reuters) - North Korea fired a ballistic missile from {place} on Sunday.\n"
    assert draft_article(article(text)).first("launch_site").place == site


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("North Korea has a history of failed launches.", None),
        ("Seoul said it could not confirm whether the satellite reached orbit.", None),
        ("After two failed attempts, the third launch succeeded, Pyongyang said.", "success"),
    ],
)
def test_outcomes_of_other_launches_and_open_questions_are_not_this_ones(sentence, outcome):
    text = (f"Rocket\n\nSEOUL, Nov 22, 2023 (Reuters) - North Korea launched a satellite rocket from Sohae on Tuesday "
            f"night. {sentence}\n")
    assert draft_article(article(text)).outcome == outcome


def test_a_story_dated_in_washington_names_koreas_next_day():
    story = article("Missile test\n\nPosted 8:40 PM ET, Thu March 9, 2023\n\nWASHINGTON -- North Korea fired a "
                    "short-range ballistic missile from Sunan early Friday local time, the Pentagon said.")
    assert story.day_behind
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 10)


def test_the_day_a_statement_was_made_is_not_the_launch_day():
    story = article("Satellite\n\nSEOUL, March 9, 2023 (Reuters) - North Korea announced Thursday that it had "
                    "launched a rocket from Sohae late Wednesday.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 8)


def test_a_live_blogs_day_headings_date_what_follows():
    story = article("LIVE: missile test\n\nThursday 9 March 2023\n\n21:40 KST\nNorth Korea fired a missile from "
                    "Sunan toward the East Sea, the JCS says.\n\nFriday 10 March 2023\n\n06:10 KST\nState media "
                    "says yesterday's launch was a test of a new engine.")
    assert story.published == date(2023, 3, 9)
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 9)


def test_what_had_happened_before_does_not_date_the_launch():
    story = article("LIVE\n\nThursday 9 March 2023\n\n10:05 KST\nNorth Korea has fired a rocket from Sohae, "
                    "Seoul says.\n\n10:40 KST\nThe launch caught many by surprise. On Monday, Pyongyang had "
                    "postponed its launch window by a week.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 9)


def test_a_rocket_that_took_off_was_launched():
    story = article("Satellite attempt\n\nSEOUL, March 9, 2023 (Reuters) - The new rocket took off from the Sohae "
                    "launching station at 6:20am on Thursday and flew south, South Korea's military said.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 9)
    assert draft.time is not None
    assert draft.time.isoformat() == "2023-03-09T06:20:00+09:00"


@pytest.mark.parametrize(
    ("sentence", "bearing"),
    [
        ("North Korea fired a missile from Sukchon at 10:31 p.m. on Sunday. It headed east across the country "
         "and fell into the sea.", 90.0),
        ("North Korea's rocket lifted off from Sohae at 6:27 a.m. on Sunday. It vanished from radar after flying "
         "south past a South Korean island.", 180.0),
        ("North Korea fired a missile from Kusong on Sunday that flew about 700 kilometers (435 miles) northeast "
         "before landing in the sea.", 45.0),
    ],
)
def test_directions_in_following_sentences_and_converted_distances(sentence, bearing):
    draft = draft_article(article(f"Launch\n\nSEOUL, May 14, 2023 (Reuters) - {sentence}"))
    assert draft is not None
    path = next(f for f in draft.features if f.kind == "flight_path")
    from viewer.geo import geodesic

    (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
    assert abs((geodesic.inverse(x1, y1, x2, y2)[1] - bearing + 180) % 360 - 180) <= 5


def test_a_launch_report_written_in_fields():
    story = article("Missile launch by North Korea (defence ministry)\n\n3 June 2023\n\n"
                    "Time: around 6:12 a.m. (JST), 3 June 2023\nLaunch location: around Kusong\n"
                    "Direction: toward the northeast\nFlight: about 600 km\n")
    draft = draft_article(story)
    assert draft is not None
    assert draft.time is not None
    assert draft.time.isoformat() == "2023-06-03T06:12:00+09:00"
    assert next(f for f in draft.features if f.kind == "launch_site").place == "kusong"


def test_fields_without_a_launch_heading_are_not_a_launch():
    assert draft_article(article("Weather for North Korea\n\nTime: 6:00 a.m.\nLocation: Kusong\nDirection: east "
                                 "wind\nRange: 12 to 20 C\n")) is None


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("It was the best flight yet of a rocket that has repeatedly failed.", None),
        ("Earlier tests of the engine had ended in failure.", None),
        ("Every attempt last spring ended in failure.", None),
        ("The first stage separated and fell into the sea as planned.", None),
        ("The rocket broke apart a minute into its flight.", "failure"),
    ],
)
def test_how_other_launches_and_spent_stages_went_is_not_this_launchs_outcome(sentence, outcome):
    draft = draft_article(article("Launch\n\nSEOUL, May 14, 2023 (Reuters) - North Korea fired a rocket from Sohae "
                                  f"on Sunday. {sentence}"))
    assert draft is not None
    assert draft.outcome == outcome


def test_an_aside_before_the_verb_does_not_hedge_it():
    draft = draft_article(article("Launch\n\nSEOUL, May 14, 2023 (Reuters) - According to officials, the North "
                                  "Korean missile, believed to be a new type, was launched at 7:10 a.m. from Kusong "
                                  "on Sunday."))
    assert draft is not None
    assert draft.time is not None
    assert draft.time.isoformat() == "2023-05-14T07:10:00+09:00"


def test_a_yearless_dateline_takes_the_one_year_the_story_pins():
    from viewer.ingest.dateline_year import dateline_year

    text = ("SEOUL, March 14 (Reuters) - North Korea fired a missile on Tuesday, its third launch since tests "
            "resumed in 2022.")
    # 14 March is a Tuesday in 2023 only, of 2022 … 2026
    inferred = dateline_year(text, 26, (3, 14), date(2026, 12, 6))
    assert inferred is not None
    assert inferred.day == date(2023, 3, 14)
    assert dateline_year(text.replace(" in 2022", ""), 26, (3, 14), date(2026, 12, 6)) is None  # no year named
    assert dateline_year(text.replace("2022", "2016"), 26, (3, 14), date(2026, 12, 6)) is None  # 2017 fits too
    future = "SEOUL, March 14 (Reuters) - North Korea fired a missile on Tuesday. It plans a satellite launch in 2022."
    assert dateline_year(future, 26, (3, 14), date(2026, 12, 6)) is None


def test_the_ledes_day_dates_a_launch_its_launch_sentences_do_not():
    story = article("Satellite attempt fails\n\nSEOUL, March 15, 2023 (Reuters) - North Korea's satellite "
                    "attempt ended on Tuesday night when its rocket blew up. The rocket was launched from Sohae at "
                    "10:44 p.m., the military said.")
    draft = draft_article(story)
    assert draft is not None
    assert draft.date == date(2023, 3, 14)


@pytest.mark.parametrize(
    "sentence",
    ["The military is analysing the possibility that the missile exploded.",
     "On March 2 it fired another missile, but Seoul said that missile blew up.",
     "One of the missiles may have failed and exploded over land."],
)
def test_possible_failures_and_that_missiles_failure_are_not_this_launchs(sentence):
    draft = draft_article(article("Launch\n\nSEOUL, May 14, 2023 (Reuters) - North Korea fired two missiles from "
                                  f"Sukchon on Sunday. {sentence}"))
    assert draft is not None
    assert draft.outcome is None
