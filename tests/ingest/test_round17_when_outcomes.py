"""Issue 17, round 17: how it ended — a success only North Korea claims, doubted by another source, is disputed; a
failure told of a launch "earlier this month" is that launch's. Every story here was written for the test."""

from __future__ import annotations

from story import drafted

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
