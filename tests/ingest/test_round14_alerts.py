"""Issue 17, round 14: what is not an alert — allies 'sharing missile warning data'. Every story here was written for
the test."""

from __future__ import annotations

import pytest
from story import drafted

LEAD = "SEOUL, Jan. 14, 2029 (Wire) - North Korea fired a ballistic missile from Pyongyang on Sunday afternoon. "


def _alerted(text: str) -> set[str | None]:
    return {f.place for f in drafted(text).features if f.kind == "warning_area"}


@pytest.mark.parametrize("sentence", [
    "Seoul, Washington and Tokyo have strengthened their cooperation and are now sharing missile warning data in "
    "real time.",
    "Tokyo and Seoul agreed last year to exchange missile warning information.",
])
def test_warning_data_that_allies_share_alerts_nobody(sentence):
    assert _alerted(LEAD + sentence + "\n") == set()


def test_a_missile_warning_sent_to_a_prefecture_still_alerts_it():
    text = LEAD + "A missile warning was issued for Okinawa Prefecture shortly after the launch.\n"
    assert _alerted(text) == {"okinawa-prefecture"}
