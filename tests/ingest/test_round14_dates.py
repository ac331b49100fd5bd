"""Issue 17, round 14: the stamps regional broadcasters head their pages with — a 'Write: … / Update: …' stamp with
seconds. Every page here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest.datelines import find_dateline


@pytest.mark.parametrize(("head", "day"), [
    ("WORLD RADIO\nWrite: 2031-11-05 10:21:07 / Update: 2031-11-05 14:02:44\n\nHeadline\n", date(2031, 11, 5)),
    ("WORLD RADIO\nWritten: 2031-11-05 10:21\n\nHeadline\n", date(2031, 11, 5)),
    ("THE DAILY\nPublished: 2031-11-05 10:21:07 | Updated: 2031-11-06 08:00\n\nHeadline\n", date(2031, 11, 5)),
])
def test_a_broadcasters_write_stamp_dates_the_page(head, day):
    dateline = find_dateline(head)
    assert dateline is not None
    assert dateline.value == day


def test_the_last_ones_day_is_not_this_launchs():
    from story import drafted

    text = ("Live report\n\nFirst published on Wed 14 Sep 2033 09.05 BST\n\n"
            "North Korea has fired a missile that flew over northern Japan, the Japanese government says. It is the "
            "second time in three weeks: the last one, on 29 August, was also launched from Sunan.\n")
    found = {d.date for d in (drafted(text), *drafted(text).others)}
    lead = drafted(text)
    assert lead.date != date(2033, 8, 29)
    assert date(2033, 8, 29) in found  # still drafted, as the launch named in passing


def test_a_clock_in_the_writers_zone_puts_the_launch_on_koreas_next_day():
    from story import drafted

    text = ("Live report: missile over Japan\n\nFirst published on Wed 14 Sep 2033 23.05 BST\n\n"
            "23.31 BST\nNorth Korea has fired a missile over Japan. South Korea's military says it was launched "
            "from Sunan at 6.57am local time (22.57 BST) and travelled about 3,700km.\n")
    draft = drafted(text)
    assert draft.date == date(2033, 9, 15)
    assert draft.time is not None
    assert draft.time.isoformat() == "2033-09-15T06:57:00+09:00"


def test_a_numeric_date_beside_the_same_date_in_words_dates_the_page():
    dateline = find_dateline("DW | Asia\nHeadline\n07/01/2031  July 1, 2031\n\nSeoul said one missile failed.\n")
    assert dateline is not None
    assert dateline.value == date(2031, 7, 1)


def test_a_threads_posts_stamped_in_japans_time_date_what_they_tell():
    from story import drafted

    text = ("Thread export -- account \"watcher\" -- 4 posts\nExported 2033-02-21 08:02 JST\n\n"
            "[1/4] 2033-02-18 17:31 JST\nJCS: North Korea has fired a ballistic missile toward the East Sea.\n\n"
            "[2/4] 2033-02-18 17:44 JST\nJCS update: the missile was launched from the Sunan area at about 17:22 KST "
            "today.\n\n"
            "[3/4] 2033-02-20 07:20 JST\nAnd again. JCS: two short-range ballistic missiles fired from Sukchon toward "
            "the East Sea at about 07:00 KST.\n\n"
            "[4/4] 2033-02-20 09:12 JST\nTwo launch events in three days. /end\n")
    draft = drafted(text)
    times = sorted(d.time.isoformat() for d in (draft, *draft.others) if d.time is not None)
    assert times == ["2033-02-18T17:22:00+09:00", "2033-02-20T07:00:00+09:00"]
