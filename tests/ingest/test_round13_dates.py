"""Issue 17, round 13: the stamps analysts', officials' and translated pages head themselves with — a Japanese era
year ('Heisei 24 (2012) December 12'), a Korean English edition's 'Input 2025.05.08 10:47 | Revision …', an
encyclopedia's 'last edited on …', minutes' 'Date of meeting:', a written answer's 'Answered on:', a journal's
'Published online …', an exported thread's 'Exported …'. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from story import drafted

from viewer.ingest.datelines import find_dateline
from viewer.ingest.eras import era_year


@pytest.mark.parametrize(("era", "number", "year"), [("Heisei", "24", 2012), ("Reiwa", "6", 2024),
                                                     ("reiwa", "gannen", 2019), ("Showa", "64", 1989),
                                                     ("Heisei", "40", None)])
def test_an_era_year_is_its_gregorian_year(era, number, year):
    assert era_year(era, number) == year


@pytest.mark.parametrize(("head", "day"), [
    ("OKINAWA DAILY - English\nHeisei 24 (2012) December 12, evening edition\n\nHeadline\n", date(2012, 12, 12)),
    ("THE PAPER\nReiwa 7 March 5\n\nHeadline here\n", date(2025, 3, 5)),
    ("THE TIMES | English\nPolitics\nInput 2025.05.08 10:47 | Revision 2025.05.08 16:05\n\nHeadline\n",
     date(2025, 5, 8)),
    ("List of things\n\nFrom an online encyclopedia. This page was last edited on 14 May 2022, at 09:12 (UTC).\n",
     date(2022, 5, 14)),
    ("Committee report\nDate of meeting: 2025. 1. 8. (Wed) 10:00\n\nItem: report\n", date(2025, 1, 8)),
    ("Written question\nQuestion 123, tabled on 27 June 2016\n\nAsked by: a member\n\nAnswered on: 5 July 2016\n",
     date(2016, 7, 5)),
    ("Journal, Vol. 1\nReceived 3 March 2024 \u00b7 Accepted 28 May 2024 \u00b7 Published online 19 June 2024\n\n"
     "Title\n", date(2024, 6, 19)),
    ("Thread export\nExported 2022-10-04 06:02 UTC | 8 posts\n\n1/8 text\n", date(2022, 10, 4)),
])
def test_a_pages_own_stamp_dates_it(head, day):
    dateline = find_dateline(head)
    assert dateline is not None
    assert dateline.value == day


def test_an_era_year_that_disagrees_with_the_year_beside_it_dates_nothing():
    dateline = find_dateline("THE PAPER\nHeisei 24 (2013) December 12\n\nHeadline\n")
    assert dateline is None or dateline.value is None


def test_a_thread_post_stamped_in_utc_dates_what_it_tells_on_koreas_day():
    text = ("Thread export \u2014 @watcher (open-source missile monitoring)\n"
            "Exported 2026-03-05 04:00 UTC | 3 posts | times below are UTC as posted\n\n"
            "1/3  [2026-03-04 22:40Z]\n"
            "Sirens in Japan. Japanese govt: ballistic missile launched from North Korea.\n\n"
            "2/3  [2026-03-04 22:45Z]\n"
            "JCS text to reporters: one ballistic missile launched at 07:31 KST from the Pyongyang area toward the "
            "East Sea.\n\n"
            "3/3  [2026-03-05 01:10Z]\n"
            "No damage reported.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 3, 5)
    assert draft.time is not None
    assert draft.time.isoformat() == "2026-03-05T07:31:00+09:00"


def test_a_translations_day_of_the_month_followed_by_where_from():
    text = ("THE PAPER \u2014 English Edition\n2026.07.05 (Reiwa 8) 06:30\n\nMissile fell inside EEZ\n\n"
            "According to the Ministry of Defense, one ballistic missile was fired at around 9:39 a.m. on the 4th from "
            "near Kusong on the western side of North Korea.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 7, 4)


def test_an_ordinal_day_followed_by_a_noun_is_not_a_date():
    from viewer.ingest.times import find_dates

    sentence = "The office on the 4th floor was closed when the missile was fired."
    assert find_dates(sentence, 0, len(sentence), date(2026, 7, 5)) == []


@pytest.mark.parametrize(("head", "day"), [
    ("Spy satellite launch fails\n\nThe rocket fell into the sea.\n\n05/31/2023\n\nNorth Korea's first attempt\n",
     date(2023, 5, 31)),
    ("NEWSROOM\n\nMissile Fired; Japan Protests. Aired June 2, 2026 - 23:00 ET\n\nTRANSCRIPT\n", date(2026, 6, 2)),
    ("Missiles fired\n\nSeoul, Jul 20 (EFE).- North Korea on Monday fired a missile.\n\n20 jul 2026 | 09:15 CEST\n",
     date(2026, 7, 20)),
])
def test_american_broadcast_and_spanish_stamps(head, day):
    dateline = find_dateline(head)
    assert dateline is not None
    assert dateline.value == day


def test_a_transcript_aired_in_et_tells_koreas_next_day_and_a_correspondent_quotes_the_military():
    text = ("NEWSROOM\n\nNorth Korea Fires Missile. Aired June 2, 2026 - 23:00 ET\n\n"
            "ANCHOR: We begin with breaking news. North Korea has fired what appears to be a ballistic missile.\n\n"
            "CORRESPONDENT: Well, it is just after noon here on Wednesday, and the South Korean military tells us the "
            "missile was launched at 11:40 a.m. local time from waters near Sinpo.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 6, 3)
    assert draft.time is not None
    assert draft.time.isoformat() == "2026-06-03T11:40:00+09:00"
