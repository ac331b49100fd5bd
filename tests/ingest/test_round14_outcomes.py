"""Issue 17, round 14: outcomes — an earlier month's launch told after the verb ('… broke apart after lift-off in
April', 'An April attempt with the same rocket broke apart') is not this launch's outcome. Every story here was
written for the test."""

from __future__ import annotations

import pytest
from story import drafted

LEAD = ("SEOUL, Dec. 12, 2029 (Wire) - North Korea launched a long-range rocket from Sohae on Wednesday morning. "
        "NORAD said the rocket appeared to have put an object into orbit.\n\n")


@pytest.mark.parametrize("sentence", [
    "A rocket of the same type broke apart about a minute after lift-off in April, an embarrassment for the leader.",
    '"An April attempt with the same rocket broke apart about two minutes after launch," an analyst said.',
])
def test_another_months_failure_told_after_the_verb_is_not_this_launchs(sentence):
    draft = drafted(LEAD + sentence + "\n")
    assert draft.outcome == "orbit"


def test_this_months_failure_still_counts():
    text = ("SEOUL, April 13, 2029 (Wire) - North Korea launched a long-range rocket from Sohae on Friday morning. "
            "The rocket broke apart about a minute after lift-off in April's first launch window, officials said.\n")
    assert drafted(text).outcome == "failure"


def test_one_of_several_missiles_failing_is_not_the_launchs_outcome():
    text = ("North Korea fires two ballistic missiles, one fails\n07/02/2029  July 2, 2029\n\n"
            "North Korea fired two ballistic missiles from Jangyon on Monday morning, the JCS said.\n")
    assert drafted(text).outcome is None


@pytest.mark.parametrize("sentence", [
    "State media said it had tested a new missile and did not mention any failure.",
    "The news agency never acknowledged a failure.",
])
def test_a_failure_not_mentioned_is_no_failure(sentence):
    text = ("SEOUL, July 2, 2029 (Wire) - North Korea fired a ballistic missile from Jangyon on Monday morning, the "
            f"JCS said. {sentence}\n")
    assert drafted(text).outcome is None


def test_what_the_second_missile_did_told_after_it_is_its_outcome():
    text = ("SEOUL, July 2, 2029 (Wire) - North Korea fired two ballistic missiles on Monday morning, the JCS said.\n\n"
            "The first missile was launched at 5:05 a.m. from Jangyon and flew about 600 km to the northeast.\n\n"
            "Ten minutes later, at 5:15 a.m., a second missile was fired from the same area. It flew only about 120 "
            "km. The JCS said the second missile showed abnormal flight and assessed that it had failed.\n")
    draft = drafted(text)
    by_time = {d.time.strftime("%H:%M"): d for d in (draft, *draft.others) if d.time is not None}
    assert set(by_time) == {"05:05", "05:15"}
    assert by_time["05:05"].outcome is None
    assert by_time["05:15"].outcome == "failure"



def test_a_failed_launch_named_with_its_day_failed():
    text = ("SEOUL, May 30, 2029 (Wire) - North Korea fired about 18 short-range ballistic missiles from the Sunan "
            "area at around 6:14 a.m. on Wednesday, the JCS said.\n\n"
            "The salvo came days after a failed satellite launch on Sunday night.\n")
    draft = drafted(text)
    by_day = {d.date.isoformat(): d.outcome for d in (draft, *draft.others) if d.date is not None}
    assert by_day == {"2029-05-30": None, "2029-05-27": "failure"}
