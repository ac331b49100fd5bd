"""Issue 17, round 13: what analysts' notes and translations say of a launch — 'The launch came from the new coastal
pad', 'puts lift-off at 06:27 on May 31', an alert sent in error, another month's rocket ('Its rocket in April this
year broke apart'). Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted


def test_an_imagery_note_tells_the_launch_by_where_it_came_from_and_when_lift_off_was():
    text = ("Imagery Brief | Korea Program\nAfter the launch: what changed at the pad\nJune 5, 2026\n\n"
            "Summary\nCommercial imagery brackets North Korea's second attempt to orbit a reconnaissance satellite. "
            "The launch came from the new coastal launch pad at Sohae, not from the main pad.\n\n"
            "The event\nPyongyang's own account puts lift-off at 06:27 on June 2 (Pyongyang time, which equals KST).\n")
    draft = drafted(text)
    assert draft.date == date(2026, 6, 2)
    assert draft.time is not None
    assert draft.time.isoformat() == "2026-06-02T06:27:00+09:00"
    assert draft.first("launch_site") is not None


def test_an_alert_called_a_mistake_is_not_a_warning_area_but_the_real_one_is():
    text = ("SEOUL, June 2, 2026 -- North Korea launched a rocket from Sohae at 6:27 a.m. on Tuesday, the military "
            "said.\n\nTokyo activated J-Alert for Okinawa Prefecture two minutes after lift-off and withdrew it "
            "shortly after 7 a.m. Seoul's city government also sounded an evacuation alert that the ministry later "
            "called a mistake.\n")
    draft = drafted(text)
    areas = {f.place for f in draft.features if f.kind == "warning_area"}
    assert areas == {"okinawa-prefecture"}


def test_another_months_rocket_that_broke_apart_is_not_this_launchs_outcome():
    text = ("EVENING POST \u2014 English Digest\nReiwa 8 (2026) December 12, evening edition\n\n"
            "North Korea launched a long-range rocket it calls a satellite carrier on the morning of the 12th. "
            "The country's news agency announced that the satellite entered its planned orbit.\n\n"
            "Its rocket in April this year broke apart shortly after launch.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 12, 12)
    assert draft.outcome == "orbit"
