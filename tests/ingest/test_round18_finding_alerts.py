"""Issue 17, round 18: the prefectures an alert went to, told as what the alert did ("phone alerts across Akita,
Iwate and two other prefectures", "the alert system told people in Miyagi and Niigata …"). Every text here was
written for the test."""

from __future__ import annotations

from story import drafted

LEAD = (
    "TOKYO, June 9, 2031 -- North Korea fired a ballistic missile from near Pyongyang on Monday morning, "
    "Japan's defence ministry said. "
)


def _areas(text: str) -> set[str]:
    draft = drafted(text)
    return {f.place for f in draft.features if f.kind == "warning_area" and f.place}


def test_alerts_across_the_prefectures_they_reached():
    text = LEAD + "The launch set off sirens and phone alerts across Akita, Iwate and two other prefectures."
    assert {"akita-prefecture", "iwate-prefecture"} <= _areas(text)


def test_an_alert_system_that_told_people_in_places():
    text = LEAD + "Japan's alert system told people in Miyagi and Niigata to go indoors before the missile passed."
    assert {"miyagi-prefecture", "niigata-prefecture"} <= _areas(text)


def test_sirens_across_a_city_or_a_country_alert_no_prefecture():
    text = LEAD + "Sirens across the city were tested last spring, and alerts across Japan are rare."
    assert _areas(text) == set()
