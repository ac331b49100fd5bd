"""Issue 17, round 11: round-ups, monthly monitors and launch logs — one launch per dated row, the missile named by
its kind ('One ballistic missile', 'SRBM', 'two more from …') rather than a rocket's name, a weekday before the
row's date, a row above the story's lead sentence, and a row with two times being one launch event. Every story
here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes
from viewer.ingest.findings import ArticleDraft


def launches(text: str) -> list[ArticleDraft]:
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))
    assert draft is not None
    earliest = datetime.min.replace(tzinfo=UTC)
    return sorted([draft, *draft.others], key=lambda d: (d.date or date.min, d.time or earliest))


def days(text: str) -> list[date | None]:
    return [d.date for d in launches(text)]


MONITOR = """Missile monitor: March 2026
Compiled 2 April 2026. Times are KST.

North Korea kept up its testing in March, with four launch events.

Mar. 3 (Tue) — 7:40 a.m. One ballistic missile from Jagang province toward the East Sea.

Mar. 9 (Mon) — 6:12 a.m. Two short-range ballistic missiles from Sunan, flying about 350 km east; the North said
it fired them in a drill.

Mar. 17 (Tue) — Two cruise missiles, detected by Seoul's military; no time given.

Mar. 28 (Sat) — 5:30 a.m. An intercontinental ballistic missile from near Pyongyang, lofted.

Outlook: Mar. 30 — the North said it would hold more drills.
"""


def test_a_monthly_monitors_rows_are_each_a_launch_on_its_own_day():
    assert days(MONITOR) == [date(2026, 3, 3), date(2026, 3, 9), date(2026, 3, 17), date(2026, 3, 28)]
    by_day = {d.date: d for d in launches(MONITOR)}
    assert by_day[date(2026, 3, 9)].time == datetime(2026, 3, 8, 21, 12, tzinfo=UTC)
    assert by_day[date(2026, 3, 3)].time == datetime(2026, 3, 2, 22, 40, tzinfo=UTC)


LOG = """Launch log, week 12 (all times UTC)
Posted 21 March 2026

North Korea launch activity this week:

16 MAR 2026 2140Z - SRBM x2, Sunan area. Flew NE ~400 km.
18 MAR 2026 0512Z - One cruise missile, off Nampo. Reported by JCS.
20 MAR 2026 2305Z - IRBM, Pyongyang area. Hypersonic glide vehicle claimed.
"""


def test_a_launch_logs_rows_in_capitals_with_zulu_times():
    found = launches(LOG)
    assert [d.time for d in found] == [datetime(2026, 3, 16, 21, 40, tzinfo=UTC),
                                       datetime(2026, 3, 18, 5, 12, tzinfo=UTC),
                                       datetime(2026, 3, 20, 23, 5, tzinfo=UTC)]


BULLETS = """THE WEEK IN PYONGYANG | 22 August 2026

North Korea has fired missiles three times this week, each time two at once (times KST):

• Monday 17 August: two projectiles from the Kalma peninsula at Wonsan, at 5:06 and 5:27 a.m., flying east.

• Wednesday 19 August: two more from near Hamhung, at 6:40 and 6:55 a.m.

• Friday 21 August: two short-range ballistic missiles near Tongchon at 8:01 and 8:16 a.m., north-east.

The launches came during the allies' joint exercise that began on 10 August.
"""


def test_bulleted_rows_with_a_weekday_before_the_date_and_two_times_each_are_one_launch_each():
    found = launches(BULLETS)
    assert [d.date for d in found] == [date(2026, 8, 17), date(2026, 8, 19), date(2026, 8, 21)]
    assert found[2].time == datetime(2026, 8, 20, 23, 1, tzinfo=UTC)


def test_a_row_above_the_lead_sentence_is_a_launch_of_its_own():
    text = ("Timeline of the month\nPublished 1 June 2026\n\n"
            "2026-05-04: one short-range ballistic missile from Sukchon toward the East Sea.\n\n"
            "2026-05-20: North Korea fired two cruise missiles off Sinpo at 4:10 a.m., the JCS said.\n")
    assert days(text) == [date(2026, 5, 4), date(2026, 5, 20)]


@pytest.mark.parametrize("row", [
    "- [[2026-02-14 SRBMs from Sukchon]]",  # a wiki link to another page
    "Feb. 14 — The North said it would launch two more missiles next week.",  # a plan
    "Feb. 14 — Two ballistic missiles were shown at a parade in Pyongyang.",  # not flown
    "Feb. 14 — Kim Jong Un inspected a missile factory.",  # no count or kind of missile fired
])
def test_a_dated_row_that_tells_no_launch_is_no_launch(row):
    text = ("North Korea notes\nPublished 20 February 2026\n\n"
            "North Korea fired a ballistic missile from Sunan on Feb. 2 at 7:10 a.m., the JCS said. It flew east.\n\n"
            f"{row}\n")
    assert days(text) == [date(2026, 2, 2)]


TABLE = """North Korea launch log, December 2026

| Date (KST) | Time (KST) | System | Site | Notes |
|---|---|---|---|---|
| 2026-12-13 | 22:38 | SRBM | Pyongyang area | flew ~570 km |
| 2026-12-14 | 08:24 | Hwasong-18 | Pyongyang area | lofted, ~73 min |
"""


@pytest.mark.parametrize(("heading", "zone_hours"), [("Time (KST)", 9), ("Time (UTC)", 0), ("Time", 9)])
def test_a_tables_rows_take_their_time_column_zoned_by_its_heading(heading, zone_hours):
    found = launches(TABLE.replace("Time (KST)", heading))
    assert [d.date for d in found] == [date(2026, 12, 13), date(2026, 12, 14)]
    assert [d.time.astimezone(UTC).hour if d.time else None for d in found] == [(22 - zone_hours) % 24,
                                                                            (8 - zone_hours) % 24]


def test_a_tables_first_row_is_not_the_storys_date():
    article = article_from_bytes(TABLE.encode("utf-8"), Path("log.txt"), "doc-log")
    assert article.published is None
