"""Issue 17, round 18: how a found launch ended — an aim, a standard, tests in general or one of the earlier launches
just named is not its outcome; the North's news agency by its full name is the North's word, which a doubt a few
sentences on disputes; a quoted name at a hard-wrapped line's end does not end its sentence. Every story here was
written for the test."""

from __future__ import annotations

import pytest
from story import drafted

from viewer.ingest.sentences import split_sentences

SPACE = (
    "SEOUL, October 2, 2031 (Wire) - North Korea launched a rocket carrying a satellite from its Sohae station on "
    "Thursday, South Korea's military said.\n\n"
)
MISSILE = (
    "SEOUL, March 14, 2031 (Wire) - North Korea fired an intermediate-range ballistic missile from the Pyongyang "
    "area on Friday, South Korea's military said.\n\n"
)


def test_an_orbit_the_rocket_was_meant_to_reach_is_no_orbit():
    lead = drafted(SPACE + "The rocket broke apart about a minute into its flight, officials said. Pyongyang said the "
                   "rocket was meant to put a weather satellite into orbit for the harvest season.\n")
    assert lead.outcome == "failure"


def test_the_orbit_of_the_launch_since_an_earlier_month_is_that_launchs():
    lead = drafted(SPACE + "The rocket exploded in midair two minutes after liftoff, the military said. It was the "
                   "North's first satellite launch since April, when it placed a small satellite into orbit.\n")
    assert lead.outcome == "failure"


@pytest.mark.parametrize("sentence", [
    "State television, which usually announces successful tests at breakfast time, had said nothing by noon.",
    "The missile flew about 40 km, well under the minimum for a successful flight that analysts use.",
])
def test_tests_in_general_or_a_standard_say_nothing_of_this_launch(sentence):
    lead = drafted(MISSILE + sentence + "\n")
    assert lead.outcome is None


def test_one_of_the_earlier_launches_just_named_tells_its_own_outcome():
    lead = drafted(SPACE + "Tracking data showed the satellite in orbit, a US agency said. Both earlier attempts this "
                   "year used the same pad and failed. In the first, the upper stage ignited abnormally.\n")
    assert lead.outcome == "orbit"


def test_the_news_agency_by_its_full_name_is_the_norths_word_and_can_be_disputed():
    lead = drafted(MISSILE + "The Korean Central News Agency described the launch as a success. Seoul's military "
                   "disputed the claim.\n")
    assert lead.outcome is None


def test_no_public_evidence_a_few_sentences_on_disputes_the_norths_success():
    lead = drafted(MISSILE + "State television said the country had successfully tested the missile. It said the "
                   "missile could carry a heavy warhead. Officials in Washington were cautious. A spokesman said "
                   "there was no public evidence that the warhead had survived re-entry.\n")
    assert lead.outcome is None


def test_a_quoted_name_at_a_wrapped_lines_end_goes_on_into_the_next_line():
    text = ("The North's news agency said on Saturday that the new \"Pulsar-3\"\n"
            "test was a success and that it proved the design sound, adding detail.\n")
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert len(sentences) == 1


def test_what_became_of_it_told_without_naming_the_missile_is_its_outcome():
    lead = drafted(MISSILE + "The missile flew about 30 km, the JCS said. Officials said it appeared to have exploded "
                   "in the air.\n")
    assert lead.outcome == "failure"
