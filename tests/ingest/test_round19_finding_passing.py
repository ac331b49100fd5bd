"""Issue 17, round 19: an earlier launch a working document names by its distance in days and by the missile
alone ('This comes a day after the SRBM off <port>'), in a quoted e-mail reply; not a day after a missile parade.
Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

REPLY = ("On Thu, May 8, 2031 at 10:52 AM Desk Seoul <seoul@desk.example> wrote:\n"
         "> Seoul side: JCS text came in at 10:31. They say an ICBM was fired from the Sunan area of Pyongyang at\n"
         "> 10:15 this morning toward the East Sea.\n"
         ">\n"
         "> This comes a day after the SRBM off Wonsan and a stern warning from the foreign ministry.\n")


def test_a_launch_named_a_day_before_by_its_missile_alone_is_drafted_on_that_day():
    draft = drafted(REPLY)
    days = {d.date: d for d in [draft, *draft.others]}
    assert set(days) == {date(2031, 5, 8), date(2031, 5, 7)}
    site = next(f.place for f in days[date(2031, 5, 7)].features if f.kind == "launch_site")
    assert site in {"wonsan", "wonsan-kalma"}


def test_a_day_after_a_missile_parade_is_no_launch():
    text = REPLY.replace("the SRBM off Wonsan", "the missile parade in Pyongyang")
    draft = drafted(text)
    assert [d.date for d in [draft, *draft.others]] == [date(2031, 5, 8)]
