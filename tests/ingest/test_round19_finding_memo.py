"""Issue 17, round 19: a desk memo's numbered paragraphs, each opening with a day and how or where from ('(1) Sunday
4 May - submarine-launched.', '(2) Friday 16 May - from the <town> area.'), each one launch on its own day; not
a paragraph about a meeting. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

MEMO = ("DESK MEMO - DEFENCE\n"
        "To: weekend editors\n"
        "Date: Monday, 19 May 2031\n\n"
        "Re: How to write up this month's cruise-missile claims\n\n"
        "Two North Korean cruise-missile events this month have come to us mostly through KCNA.\n\n"
        "(1) Sunday 4 May - submarine-launched. KCNA said a submarine fired two strategic cruise\n"
        "missiles at dawn off the east coast and that they flew 1,500 km. The JCS said little.\n\n"
        "(2) Friday 16 May - from the Hamhung area. KCNA (17 May) reported that four cruise missiles\n"
        "were launched from Hamhung, South Hamgyong Province, and flew over the East Sea.\n\n"
        "(3) Tuesday 13 May - editors' meeting on the style guide. Bring the missile glossary.\n")


def test_each_numbered_paragraph_opening_with_a_day_is_one_launch_on_that_day():
    draft = drafted(MEMO)
    days = {d.date: d for d in [draft, *draft.others]}
    assert set(days) == {date(2031, 5, 4), date(2031, 5, 16)}
    assert next(f.place for f in days[date(2031, 5, 16)].features if f.kind == "launch_site") == "hamhung"
