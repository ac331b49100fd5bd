"""Issue 17, round 19: state media's claim that a launch hit its target is its claim of success, as 'a successful
test' is, and like it is disputed by a doubt a few sentences on ('pushed back on that', 'cannot confirm whether',
'no independent confirmation of'); a hit told with no source is the North's word, as only the side that set the
target can say it was hit. Every story here was written for the test."""

from __future__ import annotations

import pytest
from story import drafted

LEAD = (
    "BERN, May 5, 2031 (Wire) - North Korea fired two cruise missiles from the Nampo area on Sunday, South Korea's "
    "military said.\n\n"
)


@pytest.mark.parametrize("sentence", [
    "They flew loops over the sea for two hours before striking a target island, state media said on Monday.",
    "The official news agency said the missiles hit the target after a flight of 1,800 km.",
    "State media said the missiles had reached a target rock off the coast.",
])
def test_state_medias_undisputed_hit_is_a_success(sentence):
    assert drafted(LEAD + sentence + "\n").outcome == "success"


@pytest.mark.parametrize("sentence", [
    # a hit told with no source ('they say'), then doubted
    "The missiles made a sharp turn, they say, and hit a target far out at sea. Seoul pushed back on that, calling "
    "the figures exaggerated.",
    "State media said the missiles struck the target. Asked about it, a ministry official said: \"We tracked them. "
    "I cannot confirm the flight time or whether any target was struck.\"",
    "State media said the missiles flew 1,800 km before hitting a target. There is no independent confirmation of "
    "the range.",
])
def test_a_doubted_hit_is_no_outcome(sentence):
    assert drafted(LEAD + sentence + "\n").outcome is None


def test_a_target_aimed_at_is_no_hit():
    draft = drafted(LEAD + "The missiles are designed to hit a target ship at sea, analysts said.\n")
    assert draft.outcome is None
