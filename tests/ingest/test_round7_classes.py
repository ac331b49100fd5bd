"""Issue 17, round 7: classes the rules had not met, each probed with sentences written for the test (not corpus
text): a speaker's colon in a live blog, a missile told by its place in the count with a verb of its own, a
bureau or newsletter label before a date line, a launch still to come, a missile that fell into the sea, failure
verbs and their denial."""

from __future__ import annotations

import math
from datetime import UTC, date
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes
from viewer.ingest.dateline_year import dateline_year
from viewer.ingest.datelines import find_dateline


def article(text: str, name: str = "story.txt"):
    return article_from_bytes(text.encode("utf-8"), Path(name), "doc-story")


def utc(draft) -> str | None:
    return draft.time.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if draft.time else None


@pytest.mark.parametrize("speaker", ["South Korea's Joint Chiefs of Staff", "Seoul's defence ministry",
                                     "Japan's Ministry of Defense"])
def test_a_speakers_colon_reports_the_launch_it_does_not_make_one(speaker):
    text = ("North Korea missile launch: rolling coverage - Friday, 6 March 2026\n\n"
            "07:31 KST - Japan's coast guard says an object that may be a North Korean missile has been launched.\n\n"
            f"07:40 KST - {speaker}: a ballistic missile was launched at 7:12 a.m. from Sukchon and flew east.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert utc(draft) == "2026-03-05T22:12Z"
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "sukchon"


def test_a_speakers_colon_before_its_own_launch_is_still_its_own():
    text = ("North Korea tensions: rolling coverage - Friday, 6 March 2026\n\n"
            "07:31 KST - North Korea's state media condemns the allies' drills.\n\n"
            "07:40 KST - South Korea's navy: it fired two missiles in a drill off Pohang.\n")
    assert draft_article(article(text)) is None


@pytest.mark.parametrize("later", [
    "The second left nine minutes after the first, at 22:21 UTC.",
    "The second missile followed nine minutes later, at 22:21 UTC.",
    "The other rose from the same pad at 22:21 UTC.",
])
def test_a_missile_told_by_its_place_in_the_count_is_a_launch_of_its_own(later):
    text = ("Briefing note, 6 March 2026\n\nAt 22:12 UTC on 5 March, North Korea fired two short-range ballistic "
            f"missiles from the Sukchon area. {later}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [utc(draft), *(utc(o) for o in draft.others)] == ["2026-03-05T22:12Z", "2026-03-05T22:21Z"]
    assert all(o.first("launch_site") is not None for o in draft.others)


@pytest.mark.parametrize(("line", "day"), [
    ("Launch note, 2 June 2026", date(2026, 6, 2)),
    ("Tokyo bureau, 2026-06-02", date(2026, 6, 2)),
    ("Weekly security digest, June 2, 2026", date(2026, 6, 2)),
])
def test_a_short_label_and_comma_before_a_full_date_is_the_items_date(line, day):
    found = find_dateline(f"{line}\n\nNorth Korea fired a missile on Tuesday.\n")
    assert found is not None
    assert found.value == day


def test_a_headline_with_a_comma_and_no_full_date_is_no_date():
    assert find_dateline("Missiles, again\n\nNorth Korea fired a missile on Tuesday.\n") is None


@pytest.mark.parametrize("sentence", [
    "Officials in Tokyo urged Pyongyang to call off the launch.",
    "Seoul asked the North to postpone the launch, which it said would breach UN resolutions.",
    "Diplomats said the launch, which would be the first of the year, could come within days.",
])
def test_a_launch_still_to_come_is_not_drafted(sentence):
    text = ("TOKYO, Aug. 17, 2026 (Kyodo) -- North Korea has told Japan's coast guard it intends to put a satellite "
            f"into orbit between Aug. 19 and Aug. 28. {sentence}\n")
    assert draft_article(article(text)) is None


def test_a_missile_that_fell_into_the_sea_landed_it_did_not_fail():
    text = ("SEOUL, June 2, 2026 (Yonhap) -- North Korea fired two short-range ballistic missiles from Sukchon at "
            "6:37 a.m. on Tuesday. Both covered about 340 km and fell into the sea between the peninsula and Japan.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None


def test_a_rocket_whose_payload_fell_into_the_sea_failed():
    text = ("SEOUL, Aug. 20, 2026 (Yonhap) -- North Korea launched a rocket from Sohae on Thursday night. The "
            "payload fell into the sea off the peninsula's west coast, the military said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome == "failure"


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("The missile came apart in the air about 90 seconds after launch, the JCS said.", "failure"),
    ("Officials said the missile was seen falling apart at low altitude.", "failure"),
    ("The second stage shut down early and the rocket fell short of orbit, the U.S. said.", "failure"),
    ("The JCS said the test was aborted less than a minute after lift-off.", "failure"),
    ("The JCS said the flight showed no sign of failure.", None),
    ("Analysts said the test was completed without any malfunction.", None),
])
def test_failure_verbs_and_their_denial(sentence, outcome):
    text = ("SEOUL, Jan. 11, 2026 (Reuters) -- North Korea fired a ballistic missile from near Pyongyang at 7:04 "
            f"a.m. on Sunday, South Korea's military said. {sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome == outcome


def test_dates_listed_after_a_launch_word_are_each_a_launch_named_in_passing():
    text = ("SEOUL, Nov. 28, 2026 (Yonhap) -- North Korea fired two rockets from Hamhung on Thursday, the JCS said. "
            "The same launcher had been tested three times before this year, on April 2, June 19 and Sept. 8.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [o.date for o in draft.others] == [date(2026, 4, 2), date(2026, 6, 19), date(2026, 9, 8)]


def test_a_date_list_after_a_meeting_names_no_launch():
    text = ("SEOUL, Nov. 28, 2026 (Yonhap) -- North Korea fired two rockets from Hamhung on Thursday, the JCS said. "
            "Envoys had met on April 2, June 19 and Sept. 8.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.others == []


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Two earlier attempts failed; the last, on May 3, blew up on its launcher.", "failure"),
    ("On May 3 two Scud-Cs went about 500 km out to sea.", None),
    ("A test on May 3 ended within seconds of lift-off, officials said then.", "failure"),
])
def test_an_earlier_launch_told_after_its_date_with_its_own_outcome(sentence, outcome):
    text = ("SEOUL, June 22, 2026 (Reuters) -- North Korea fired a missile from near Wonsan at 5:58 a.m. on "
            f"Monday, the JCS said. {sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None
    assert [(o.date, o.outcome) for o in draft.others] == [(date(2026, 5, 3), outcome)]


def test_the_first_outcome_word_in_the_sentence_that_states_this_launch_wins():
    text = ("SEOUL, Aug. 24, 2026 (Reuters) -- North Korea fired a missile from a submarine near Sinpo at 5:29 a.m. "
            "on Monday, officials said. Officials called the test the most successful so far; earlier tests had "
            "ended in failure, including one in July in which the missile exploded leaving the water.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome == "success"


def test_a_dateline_year_with_no_space_after_the_comma():
    found = find_dateline("Daily paper\n\nTwo missiles fired\n\nJun 23,2016\n\nNorth Korea fired two missiles.\n")
    assert found is not None
    assert found.value == date(2016, 6, 23)


def test_missiles_told_one_by_one_with_no_day_take_the_ledes_day_past_blank_lines():
    text = ("City paper\n\nTwo missiles fired\n\nJun 23,2026\n\nNorth Korea fired two missiles off its east coast on "
            "Monday, officials said.\n\nThe first missile was launched from near Wonsan at 5:58 a.m. and broke up. "
            "The second was fired from the same area at 8:05 a.m. and flew 400 km east.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2026, 6, 22)
    assert [utc(d) for d in (draft, *draft.others)] == ["2026-06-21T20:58Z", "2026-06-21T23:05Z"]


@pytest.mark.parametrize("sentence", ["An official declined to call the launch a success.",
                                      "The JCS stopped short of calling it a failure."])
def test_declining_to_call_it_claims_nothing(sentence):
    text = ("SEOUL, June 22, 2026 (Reuters) -- North Korea fired a missile from near Wonsan at 5:58 a.m. on Monday, "
            f"the JCS said. {sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None


@pytest.mark.parametrize(("phrase", "bearing"), [("on a bearing roughly east-northeast", 67.5),
                                                 ("on a heading of about east-northeast", 67.5), ("eastbound", 90)])
def test_a_bearing_or_heading_in_compass_words(phrase, bearing):
    text = ("SEOUL, June 22, 2026 (Reuters) -- North Korea fired a missile from Kusong at 5:58 a.m. on Monday. It "
            f"flew some 900 km {phrase}, the JCS said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    path = draft.first("flight_path")
    assert path is not None
    (x0, y0), (x1, y1) = path.geometry.coords[0], path.geometry.coords[-1]
    heading = math.degrees(math.atan2((x1 - x0) * math.cos(math.radians(y0)), y1 - y0)) % 360
    assert abs(heading - bearing) < 12  # a geodesic leg's end, seen on the plate carrée


@pytest.mark.parametrize(("sea", "bearing"), [("the East Sea", 90.0), ("the Sea of Japan", 90.0),
                                              ("the Yellow Sea", 270.0)])
def test_toward_a_coast_sea_with_no_site_is_a_direction_claim(sea, bearing):
    text = ("SEOUL, April 13, 2026 (Yonhap) -- North Korea fired a ballistic missile toward "
            f"{sea} at 7:23 a.m. on Monday, the JCS said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.first("launch_site") is None
    assert [c.value for c in draft.claims if c.property == "direction_deg"] == [bearing]


def test_according_to_a_foreign_military_the_missile_was_fired_by_north_korea():
    text = ("Bulletin, Issued: April 13, 2026 (Monday), 10:30\n\nThis morning a ballistic missile was launched by "
            "North Korea. According to South Korea's Joint Chiefs of Staff, the missile was fired at around 7:23 a.m. "
            "from the vicinity of Pyongyang.\n")
    draft = draft_article(article(text))
    assert draft is not None
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "pyongyang"
    assert utc(draft) == "2026-04-12T22:23Z"


def test_according_to_the_navy_it_fired_is_the_navys_own_firing():
    text = ("SEOUL, April 13, 2026 (Yonhap) -- According to South Korea's navy, it fired two missiles in a drill off "
            "Pohang on Monday, days after North Korea's latest threats.\n")
    assert draft_article(article(text)) is None


@pytest.mark.parametrize("verb", ["arced", "streaked", "climbed"])
def test_it_with_a_verb_of_flight_is_the_launchs_flight(verb):
    text = ("SEOUL, July 4, 2026 (AP) -- North Korea launched a ballistic missile from Kusong at 9:40 a.m. on "
            f"Tuesday. It {verb} eastward across the peninsula and came down in the Sea of Japan.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.first("flight_path") is not None


def test_a_juche_year_pins_a_yearless_kcna_dateline():
    text = ("Pyongyang, July 20 (KCNA) -- Artillery units staged a rocket firing drill on July 19, the 115th year "
            "of Juche. Four rockets launched from the vicinity of Jangyon flew 280 km and hit an island target in the "
            "West Sea of Korea with pinpoint accuracy.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2026, 7, 19)
    assert draft.outcome == "success"
    assert any(c.property == "dateline_year" and c.value == 2026 for c in draft.claims)


def test_a_rocket_that_went_up_last_night_at_a_twelve_hour_clock_time():
    text = ("MORNING REPORT, Wednesday 2 December 2026\n\nCORRESPONDENT: The rocket went up from the Tongchang-ri "
            "site at 10:41 last night, Korea time, and contact was lost during the second stage.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert utc(draft) == "2026-12-01T13:41Z"
    assert draft.outcome == "failure"


def test_a_release_in_numbered_fields():
    text = ("Ministry of Defense\nPress release, 15 January 2027\n\nLaunch of ballistic missile by North Korea\n\n"
            "1. Launch date and time: about 7:02 a.m., 15 January 2027 (JST)\n"
            "2. Launch location: vicinity of Sunchon, western North Korea\n3. Number: 1\n"
            "4. Flight: flew about 1,000 km on a lofted trajectory.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert utc(draft) == "2027-01-14T22:02Z"
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "sunchon"


def test_another_missile_with_its_own_time_in_a_later_entry_is_another_launch():
    text = ("North Korea launches: live updates\nTuesday, March 2, 2027\n\n7:20 a.m. KST - The JCS says the missile "
            "was launched at 6:38 a.m. from the Sunan area of Pyongyang and flew some 750 km.\n\n11:05 a.m. KST - The "
            "JCS says another ballistic missile was fired at 10:47 a.m., this time from the Hamhung area.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert [utc(d) for d in (draft, *draft.others)] == ["2027-03-01T21:38Z", "2027-03-02T01:47Z"]
    assert [d.first("launch_site").place for d in (draft, *draft.others)] == ["sunan", "hamhung"]


@pytest.mark.parametrize("context", [
    "This follows the 30 March test of a new solid-fuel engine at the Sohae ground test stand.",
    "It came a week after an engine test on March 30 at Sohae.",
    "The North conducted its seventh nuclear test on March 30.",
])
def test_a_test_on_the_ground_is_no_launch_named_in_passing(context):
    text = ("Missile Monitor | Note 27-14 | 6 April 2027\n\nOn the morning of 5 April, the DPRK launched several "
            f"cruise missiles from the Nampo area into the Yellow Sea. {context}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2027, 4, 5)
    assert draft.others == []


def test_a_clock_before_the_date_on_a_stamp_line():
    found = find_dateline("THE DAILY (English edition)\n12:41 JST, April 22, 2026\n\nN. Korea fires missile\n")
    assert found is not None
    assert found.value == date(2026, 4, 22)
    assert found.zone == "JST"


def test_koreas_day_named_in_an_american_story():
    text = ("EVENING NEWS, Tuesday, June 16, 2026\n\nANCHOR: North Korea has fired an intercontinental ballistic "
            "missile. It happened a little after 6 p.m. Eastern, which was Wednesday morning in Pyongyang.\n\n"
            "CORRESPONDENT: Officials say the missile went up at 7:12 a.m. local time from near Sunan.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2026, 6, 17)
    assert utc(draft) == "2026-06-16T22:12Z"


def test_a_digest_with_a_heading_per_day_is_a_launch_per_day():
    text = ("The Week in North Korea\nIssue 40 | Sunday, October 4, 2026\n\nNorth Korea: three launches in a week. "
            "Here is what happened.\n\nMONDAY, SEPT. 28\nOne ballistic missile was fired from the Kaechon area at "
            "0653 hrs KST, the JCS said. It flew east.\n\nWEDNESDAY, SEPT. 30\nTwo SRBMs were launched from the Sunan "
            "area at 6:10 p.m., flying about 360 km.\n\nSATURDAY, OCT. 3\nTwo more ballistic missiles were fired from "
            "Sukchon in the early morning; Japan's coast guard first reported them at 6:47 a.m.\n")
    draft = draft_article(article(text))
    assert draft is not None
    launches = [draft, *draft.others]
    assert [d.date for d in launches] == [date(2026, 9, 28), date(2026, 9, 30), date(2026, 10, 3)]
    assert [d.first("launch_site").place for d in launches] == ["kaechon", "sunan", "sukchon"]
    assert launches[2].time is None  # the time the coast guard reported them, not of the launch


def test_another_missiles_outcome_is_not_the_lead_launchs():
    text = ("Fisheries cooperative notice, August 3, 2026\n\n1. The Ministry of Defense has announced that at about "
            "7:50 this morning North Korea launched a ballistic missile from Unnyul, which fell into the Sea of Japan. "
            "A second missile fired at the same time is reported to have exploded immediately after launch.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None
    assert utc(draft) == "2026-08-02T22:50Z"


def test_the_day_of_another_event_in_a_launch_sentence_is_not_the_launchs():
    text = ("SYDNEY, May 14, 2026 (ABC) -- North Korea fired a ballistic missile from Kusong at 5.27am Korean time on "
            "Sunday, days after a new president, who favours talks, was sworn in on Wednesday.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2026, 5, 10)


def test_a_transcript_naming_north_korea_once_beside_its_missile():
    text = ("NEWS 9, evening bulletin\nBroadcast: Thursday 14 May 2026, 21:00 KST\n\nANCHOR: North Korea tried twice "
            "today to fly its new missile, and both times it failed.\n\nREPORTER: The first launch was at 6:40 this "
            "morning, from the Wonsan area. The missile, believed to be a Musudan, crashed seconds after it left the "
            "launcher. Then at 7:26 this evening a second missile was fired from the same area. The first attempt, on "
            "April 30, also ended in an explosion seconds after lift-off.\n")
    draft = draft_article(article(text))
    assert draft is not None
    launches = [draft, *draft.others]
    assert [utc(d) for d in launches[:2]] == ["2026-05-13T21:40Z", "2026-05-14T10:26Z"]
    assert launches[2].date == date(2026, 4, 30)
    assert launches[2].outcome == "failure"
    assert draft.outcome == "failure"


def test_the_first_launch_with_no_clock_is_no_launch_of_its_own():
    text = ("SEOUL, May 14, 2026 (Yonhap) -- South Korea's space agency said the first launch of its Nuri rocket "
            "would be delayed. The first launch was once planned for 2021.\n")
    assert draft_article(article(text)) is None


def test_an_efe_dateline_whose_year_a_past_year_and_the_weekday_pin():
    text = ("N.Korean ICBM test fails\n\nSeoul, Aug 12 (EFE).- A North Korean missile launched on Wednesday "
            "apparently exploded in mid-flight, in what would be the first failed test by the regime since 2022.\n\n"
            "The projectile lifted off at 10:14 a.m. (01:14 GMT) from the Sunan district of Pyongyang.\n")
    found = find_dateline(text)
    assert found is not None
    assert found.month_day == (8, 12)
    # Aug 12 falls on a Wednesday (or the day after one) from 2022 to the end of 2026 only in 2026
    inferred = dateline_year(text, found.end, (8, 12), date(2026, 12, 6))
    assert inferred is not None
    assert inferred.day == date(2026, 8, 12)
    assert "2022" in inferred.why


def test_a_british_live_blog_a_day_behind_korea():
    text = ("North Korea missile launch - as it happened\nMon 25 May 2026\n\n23.02 BST: South Korea's military says "
            "North Korea has launched a ballistic missile.\n\n23.40 BST: More details from Seoul: the missile was "
            "fired at 06:41 local time on Tuesday from Kusong.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2026, 5, 26)
    assert utc(draft) == "2026-05-25T21:41Z"


@pytest.mark.parametrize(("sentence", "alerted"), [
    ("Residents of Okinawa were told to evacuate into buildings or underground.", {"okinawa-prefecture"}),
    ("People in Aomori were urged to take cover.", {"aomori-prefecture"}),
    ("Unlike in 2017, when a J-Alert covered Hokkaido, no warning was sent this time.", set()),
    ("No J-Alert was issued, as the missile was not expected to fly over Japan.", set()),
])
def test_alerts_told_as_orders_to_residents_and_not_another_years(sentence, alerted):
    text = ("TOKYO, Oct. 8, 2026 (Kyodo) -- North Korea fired a ballistic missile from Sunan at 7:10 a.m. on Thursday. "
            f"{sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert {f.place for f in draft.features if f.kind == "warning_area"} == alerted
