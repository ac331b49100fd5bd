"""Issue 17, round 14: a story's other launches — 'North Korea also fired … at around 8:39 a.m.' an hour after the
lead launch. Every story here was written for the test."""

from __future__ import annotations

from story import drafted


def test_a_launch_the_north_also_fired_from_another_site_later_is_one_of_its_own():
    text = ("SEOUL, Nov. 3, 2029 (Wire) - North Korea fired an intercontinental ballistic missile from the Sunan area "
            "at around 7:40 a.m. on Thursday, the JCS said.\n\n"
            "North Korea also fired two short-range ballistic missiles from the Kaechon area at around 8:39 a.m., "
            "which fell into the Sea of Japan, the South Korean military said.\n")
    draft = drafted(text)
    times = sorted(d.time.strftime("%H:%M") for d in (draft, *draft.others) if d.time is not None)
    assert times == ["07:40", "08:39"]
