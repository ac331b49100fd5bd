"""Issue 17, round 19: days a text gives something other than a launch — an image's day told by its distance from
the launch ('one taken on 3 May, two days before the launch'), 'the images of 3 and 9 May' — are no launches of
their own, and do not date the launch; a launch's own day told by another event ('a day after a parade') still
is. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

IMAGERY = ("Pad Watch - an independent imagery blog\n"
           "Posted 12 May 2031\n\n"
           "Before and after: the coastal pad at Sohae\n\n"
           "We compared two commercial satellite images of the coastal launch pad at the Sohae Satellite\n"
           "Launching Station: one taken on 3 May, two days before the Chollima-2 launch, and one\n"
           "taken on 9 May, four days after it.\n\n"
           "The launch\n"
           "South Korea's Joint Chiefs of Staff said the rocket lifted off at 10:05 p.m. KST on 5 May\n"
           "and flew south over the Yellow Sea.\n\n"
           "Bottom line\n"
           "The images of 3 and 9 May bracket the launch but neither shows it.\n")


def test_the_days_of_pictures_taken_before_and_after_a_launch_are_no_launches():
    draft = drafted(IMAGERY)
    assert [d.date for d in [draft, *draft.others]] == [date(2031, 5, 5)]


def test_a_launch_told_by_its_distance_from_another_event_keeps_its_day():
    text = ("SEOUL, 20 April 2031 -- North Korea fired a ballistic missile from the Sunan area on Sunday, the\n"
            "military said.\n\n"
            "It was the second launch this month. On 16 April, a day after a large military parade in\n"
            "Pyongyang, a missile fired from near Sinpo on the east coast blew up shortly after liftoff.\n")
    draft = drafted(text)
    assert date(2031, 4, 16) in {d.date for d in [draft, *draft.others]}
