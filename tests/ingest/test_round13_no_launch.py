"""Issue 17, round 13: what is not a launch — a launch still to come, named with the day it might happen ('whether
the North will conduct another launch around … on the 16th'). Every story here was written for the test."""

from __future__ import annotations

from story import drafted


def test_a_launch_that_may_come_on_a_day_is_not_a_launch_named_in_passing():
    text = ("NEWS DAILY English Edition\nInput: 2026.02.11 09:58 | Modify: 2026.02.11 13:40\n\n"
            "North Korea fired one short-range ballistic missile toward the East Sea at 6:42 a.m. on the 11th, the "
            "Joint Chiefs of Staff said.\n\n"
            "Meanwhile, officials are watching whether North Korea will carry out another launch around the "
            "anniversary on the 16th.\n")
    draft = drafted(text)
    assert draft.others == []
    assert draft.date is not None
    assert draft.date.isoformat() == "2026-02-11"
