"""Issue 17, round 15: outcomes that are not the launch's — the failure of the launch days before, of the last test
named by its day, of the other missile of a pair; a worksheet's 'do NOT call it a failure'; 'no abnormal movement'.
Every sentence here was written for the test."""

from __future__ import annotations

import pytest

from viewer.ingest.claims import outcome_claims
from viewer.ingest.sentences import Sentence


def _outcomes(text: str, lead: bool = False) -> list[str]:
    return [str(c.value) for c in outcome_claims(text, [Sentence(0, len(text), 0)], space=False, lead=lead)]


@pytest.mark.parametrize("text", [
    "North Korea fired around 18 short-range missiles on Thursday, in an apparent show of force days after its "
    "attempt to put a spy satellite into orbit ended in failure.",
    "The launch came days after a North Korean satellite rocket exploded in flight.",
    "The North's last SLBM test, on July 9, ended in failure when the missile exploded at an altitude of 10 km.",
    "KCNA did not describe the missile as having spun out of control, which we could not confirm, so do NOT call "
    "it a failure.",
    "The ministry said it had not detected any abnormal movement in the Strait after the launch.",
])
def test_an_outcome_that_is_not_this_launchs_is_not_read(text):
    assert _outcomes(text) == []


def test_the_other_missile_of_a_pair_exploding_is_not_the_launchs_outcome():
    text = ("One flew about 1,000 km before falling into the Sea of Japan, while the other is believed to have "
            "exploded immediately after launch, the military said.")
    assert _outcomes(text, lead=True) == []


def test_this_launchs_own_failure_is_still_read():
    assert _outcomes("The missile exploded seconds after lift-off, the military said.") == ["failure"]
    assert _outcomes("The test ended in failure when the missile exploded, days after it was announced.") == [
        "failure"]
