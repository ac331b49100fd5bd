"""Issue 17, round 17: how it ended — a success only North Korea claims, doubted by another source, is disputed; a
failure told of a launch "earlier this month" is that launch's. Every story here was written for the test."""

from __future__ import annotations

from story import drafted

from viewer.ingest.claims import outcome_claims
from viewer.ingest.sentences import split_sentences

LEAD = (
    "SEOUL, March 14, 2031 (Wire) - North Korea fired an intermediate-range ballistic missile from the Pyongyang "
    "area on Friday, South Korea's military said.\n\n"
    "The missile flew about 1,000 kilometers before falling into the sea, the JCS said.\n\n"
)


def test_a_success_only_the_north_claims_stands_when_no_one_doubts_it():
    lead = drafted(LEAD + "North Korea's state media said on Saturday that the test had been successful.\n")
    assert lead.outcome == "success"


def test_a_success_the_north_claims_and_another_source_doubts_is_disputed():
    lead = drafted(
        LEAD + "North Korea's state media said on Saturday that the test had been successful. Seoul's military said "
        "the flight fell short of what the North claimed, and questioned whether the warhead had worked.\n"
    )
    assert lead.outcome is None


def test_a_success_claimed_by_others_is_not_undone_by_doubt_about_something_else():
    lead = drafted(
        LEAD + "The Joint Chiefs of Staff said the launch was successful. Analysts questioned whether the North "
        "could mass-produce the missile.\n"
    )
    assert lead.outcome == "success"


def test_a_failure_told_of_a_launch_earlier_this_month_is_that_launchs():
    lead = drafted(
        LEAD + "The launch followed a short-range missile fired on Thursday, and a barrage earlier this month that "
        "included an ICBM South Korea said appeared to have failed in flight.\n"
    )
    assert lead.outcome is None


SATELLITE = (
    "ISLAND TIMES -- morning edition\nThursday, December 11, 2031\n\n"
    "ISHIGAKI -- North Korea's long-range rocket passed over the islands on Wednesday morning and North Korea said "
    "it had put a satellite into orbit.\n\n"
    "The rocket was launched at 9:49 a.m. from Tongchang-ri and flew south. The first stage fell into the Yellow "
    "Sea, and the government said parts of the rocket fell into the sea east of the Philippines.\n\n"
    "NORAD said an object appeared to have reached orbit.\n"
)


def test_parts_of_a_satellite_rocket_falling_into_the_sea_are_no_failure():
    assert drafted(SATELLITE).outcome == "orbit"
    text = (
        "The first stage fell into the Yellow Sea, and parts of the rocket fell into the sea east of the Philippines."
    )
    assert outcome_claims(text, split_sentences(text), space=True) == []


def test_a_satellite_rocket_that_broke_into_pieces_failed():
    text = SATELLITE.replace("North Korea said it had put a satellite into orbit", "officials said it failed").replace(
        "NORAD said an object appeared to have reached orbit.", "The rocket broke into pieces over the sea."
    )
    assert drafted(text).outcome == "failure"


def test_a_stage_said_to_have_failed_is_the_launchs_failure():
    text = (
        "Imagery notes -- posted 28 August 2031\n\n"
        "South Korea's Joint Chiefs of Staff said the rocket lifted off at 3:50 a.m. KST on 24 August from the "
        "Sohae Satellite Launching Station and flew south over the Yellow Sea. North Korea admitted later that day "
        "that the third stage had failed because of an error in its emergency blasting system.\n"
    )
    assert drafted(text).outcome == "failure"
