"""Issue 17, round 16: a paper's launches cited to numbered notes ('… west of Okushiri Island.(1)' over '(1) Launch at
14:41 UTC on 28 July 2017'), and an op-ed's launches told one per sentence as a rocket leaving its site ('an Unha-3
rose from the Sohae launch station'). Every text here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

from viewer.ingest.sentences import split_sentences
from viewer.ingest.times import find_dates

PAPER = ("Journal of Missile Studies, Vol. 4\nPublished: 10 March 2031\n\n"
         "2.1 Lofted flights\n\n"
         "Almost every North Korean long-range flight since 2027 has been flown on a steeply lofted trajectory. "
         "Two flights from 2029 anchor most reconstructions. The first Hwasong-20 night launch flew east from "
         "Mupyong-ri in Jagang Province and reached an apogee of roughly 3,900 km.(1) Four months later the "
         "Hwasong-21, fired from near Pyongsong, flew east to an apogee near 4,600 km.(2)\n\n"
         "---\n"
         "(1) Launch at 14:41 UTC on 28 July 2029 (23:41 in Seoul). The flight lasted about 47 minutes.\n"
         "(2) Launch at 18:17 UTC on 28 November 2029, i.e. 03:17 on 29 November in Korea.\n")


def test_a_sentence_ends_after_the_marker_of_its_note():
    sentences = [PAPER[s.start : s.end] for s in split_sentences(PAPER)]
    assert any(s.endswith("roughly 3,900 km.(1)") for s in sentences)
    assert any(s.startswith("Four months later the") for s in sentences)


def test_each_launch_a_paper_cites_to_a_note_takes_its_day_from_the_note():
    draft = drafted(PAPER)
    by_day = {d.date: d for d in (draft, *draft.others)}
    assert set(by_day) == {date(2029, 7, 28), date(2029, 11, 29)}
    sites = {day: next(f.place for f in d.features if f.kind == "launch_site") for day, d in by_day.items()}
    assert sites == {date(2029, 7, 28): "mupyong-ri", date(2029, 11, 29): "pyongsong"}


def test_a_day_without_its_year_just_after_a_dated_day_is_in_that_year():
    text = "Launch at 18:17 UTC on 28 November 2029, i.e. 03:17 on 29 November in Korea."
    days = [d.value for d in find_dates(text, 0, len(text), date(2031, 3, 10))]
    assert days == [date(2029, 11, 28), date(2029, 11, 29)]


def test_rockets_told_leaving_their_site_one_per_sentence_are_launches():
    text = ("OPINION | Nov. 23, 2031\n\nPyongyang has reached orbit at last.\n\n"
            "Anyone who has followed the North's space program has learned to distrust the first headline. On April "
            "13, 2029, an Unha-5 rose from the Sohae launch station at 7:39 a.m. and broke apart a minute later.\n\n"
            "Eight months later, on December 12, 2029, the same rocket type flew south from Sohae and put a small "
            "object into orbit.\n\n"
            "At 10:42 p.m. on November 21, a Chollima-3 climbed away from the new coastal pad at Sohae, heading "
            "south past Okinawa, and tracking data showed a satellite in orbit within the hour.\n")
    draft = drafted(text)
    assert {d.date for d in (draft, *draft.others)} == {date(2029, 4, 13), date(2029, 12, 12), date(2031, 11, 21)}
