"""Issue 17, round 20 (ingest29): no launch from a story that reports none, and another country's launch is not the
North's - named by its country, agency, rocket or launch site; launches counted over years, a month's launch named
without its day, and a drill that says no missile was involved. Every story here was written for the test."""

from __future__ import annotations

import pytest
from story import drafted, read

from viewer.ingest import draft_article

_NORTH = ("North Korea fired one short-range ballistic missile toward the East Sea at 6:42 a.m. on Tuesday from the "
          "Sunan area, South Korea's Joint Chiefs of Staff said.")


def _story(*paragraphs: str) -> str:
    return "LAUNCH DESK\nPublished: 2025-03-18\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("foreign", [
    "Earlier this month the H3 rocket, Flight 4, was launched from the Tanegashima Space Center.",
    "The Chinese defence ministry said the People's Liberation Army Rocket Force test-fired an intercontinental "
    "ballistic missile into the Pacific at 8:44 a.m. on 11 March.",
    "A Soyuz rocket carrying a military satellite was launched from Plesetsk on 12 March.",
    "An Iranian Simorgh rocket was launched from Semnan on 13 March.",
    "The Agency for Defense Development said a Hyunmoo missile was test-fired from Anheung on 14 March.",
])
def test_another_countrys_launch_named_by_its_rocket_or_site_is_not_a_second_north_korean_launch(foreign):
    draft = drafted(_story(_NORTH, foreign, "The North's missile flew about 300 km."))
    assert draft.others == []
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-18"


@pytest.mark.parametrize("counted", [
    "North Korea has launched ballistic missiles many times in recent years.",
    "North Korea has tested solid-fuel ICBMs several times since 2023, most of them on a lofted trajectory.",
    "Pyongyang has fired cruise missiles numerous times from its west coast.",
])
def test_launches_counted_over_years_are_no_launch(counted):
    text = _story("Japan's new rocket reached orbit on Saturday, the space agency said, a relief after a failure.",
                  "Officials say a reliable rocket matters for watching the North. " + counted)
    assert draft_article(read(text)) is None


@pytest.mark.parametrize("month", [
    "Officials remind us that in May the launch came in the first hours of the first day.",
    "One panel at the exhibition shows the reconnaissance satellite launched last November.",
])
def test_a_launch_of_a_month_named_without_its_day_is_no_launch(month):
    text = _story("North Korea has told Japan's coast guard it plans to launch a satellite between August 24 and 31.",
                  month, "Analysts say the launch could come at any time in the window.")
    assert draft_article(read(text)) is None


@pytest.mark.parametrize("denial", [
    "No real missile was involved, and officials said no launch had been detected.",
    "No actual missiles were used in the exercise.",
    "The Cabinet Secretariat said no launch had been detected.",
])
def test_a_drill_that_says_no_missile_was_involved_drafts_no_launch(denial):
    text = _story("About 120 residents took part on Friday in a drill simulating the launch of a ballistic missile "
                  "from North Korea.",
                  'A test message, "Missile launched. It appears a missile has been launched from North Korea.", '
                  "played from the loudspeakers.", denial)
    assert draft_article(read(text)) is None


def test_the_norths_launch_still_drafts_beside_another_countrys():
    """A look-alike: the North's launch told after Japan's, with Japan as the reporter, still drafts."""
    text = _story("The H3 rocket was launched from Tanegashima on Sunday and reached orbit.",
                  "On Tuesday North Korea launched a ballistic missile from the Sunan area at 7:09 a.m., Japan's "
                  "defense ministry said. The missile flew east and fell into the sea.")
    draft = drafted(text)
    assert draft.others == []
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-18"


def test_a_launch_in_a_dated_month_with_its_day_still_drafts():
    """A look-alike: 'on 18 March' names its day, so the launch is told."""
    draft = drafted(_story("North Korea launched a ballistic missile from Sunan on 18 March at 7:09 a.m., Japan's "
                           "defense ministry said."))
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-18"


def test_a_real_launch_after_a_drill_story_still_drafts():
    """A look-alike: the drill is history, the launch it recalls in the lede is the story."""
    text = _story("North Korea fired a ballistic missile toward the East Sea at 6:50 a.m. on Tuesday, the Joint "
                  "Chiefs of Staff said, days after a Japanese town held an evacuation drill.",
                  "The missile flew about 400 km.")
    draft = drafted(text)
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-18"


def test_a_month_named_for_something_else_in_the_launch_sentence_keeps_the_launch():
    """A look-alike: 'the submarine it unveiled last September' names another month's event, not this launch's."""
    text = _story("North Korea fired several cruise missiles into the East Sea near Sinpo on Tuesday, the Joint Chiefs "
                  "of Staff said, near the shipyard where it built the submarine it unveiled last September.")
    draft = drafted(text)
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-18"


@pytest.mark.parametrize("other", [
    "A separate drill went wrong: a Hyunmoo-2 ballistic missile fired from an air base crashed shortly after launch.",
    "Satellite images show a crater at Plesetsk, read as the result of a failed test of the RS-28 Sarmat.",
    "Iran said on Sunday it had launched three satellites into orbit with its Simorgh rocket.",
    "State media said the research satellite and two nanosatellites were put into orbit from the spaceport in "
    "Semnan.",
])
def test_another_countrys_outcome_is_not_pinned_on_the_norths_launch(other):
    text = _story(_NORTH, other, "The North's missile flew about 300 km.")
    draft = drafted(text)
    assert draft.outcome is None
    assert not [c for c in draft.claims if c.property == "outcome"]


def test_an_agencys_paragraph_keeps_its_test_outcome_to_itself():
    text = _story(_NORTH,
                  "President Lee watched a separate test at the Agency for Defense Development's range. The "
                  "presidential office said the submarine-launched missile hit its target.")
    assert drafted(text).outcome is None


def test_the_norths_own_outcome_beside_another_countrys_rocket_still_counts():
    """A look-alike: the North's failure told in a paragraph that also names Japan's H3 is still the North's."""
    text = _story("North Korea launched a Chollima-1 rocket from Sohae at 6:27 a.m. on Tuesday, Japan's defense "
                  "ministry said.",
                  "The Chollima-1 rocket failed shortly after launch, unlike Japan's H3, which reached orbit in "
                  "February.")
    assert drafted(text).outcome == "failure"


@pytest.mark.parametrize("headline", [
    "North Korea fires a ballistic missile a day after South's rocket test sparks UFO scare",
    "North Korea fires a ballistic missile two days after Japan's H3 launch",
    "North Korea fires a ballistic missile a day after China's rocket lifts off",
])
def test_a_day_counted_from_another_countrys_launch_is_no_second_launch(headline):
    text = (headline + "\nPublished: 2025-03-18\n\n" + _NORTH + "\n\nThe missile flew about 300 km.\n")
    draft = drafted(text)
    assert draft.others == []


def test_a_day_counted_from_the_norths_own_launch_still_drafts():
    """A look-alike: 'two days after North Korea's rocket launch' is the North's earlier launch."""
    text = _story(_NORTH + " It came two days after the North's rocket launch from Sohae.")
    assert [o.date.isoformat() for o in drafted(text).others if o.date] == ["2025-03-16"]
