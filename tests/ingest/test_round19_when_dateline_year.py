"""Issue 17, round 19: the year of a dateline that gives none, bounded by a full date the story names as past and
pinned by the lede's weekday falling on the dateline's day itself. Every text here was written for the test."""

from __future__ import annotations

from datetime import date

from viewer.ingest.dateline_year import dateline_year

DATELINE = "SEOUL, January 8. /Harbour Wire/. "
LEDE = "North Korea on Wednesday launched a ballistic missile toward the East Sea, the military said. "
TODAY = date(2032, 6, 1)


def test_a_full_date_named_as_past_bounds_the_year_and_the_weekday_on_the_day_pins_it():
    text = DATELINE + LEDE + "The previous launch was recorded on November 5, 2030, when it fired several missiles."
    # 8 January is a Wednesday in 2031; in 2032 the Wednesday is the day before: the day itself is taken
    found = dateline_year(text, len(DATELINE), (1, 8), TODAY)
    assert found is not None
    assert found.day == date(2031, 1, 8)


def test_without_a_bound_or_with_one_ahead_the_year_is_not_guessed():
    assert dateline_year(DATELINE + LEDE, len(DATELINE), (1, 8), TODAY) is None
    ahead = DATELINE + LEDE + "Talks will resume on November 5, 2030, officials said."
    assert dateline_year(ahead, len(DATELINE), (1, 8), TODAY) is None
