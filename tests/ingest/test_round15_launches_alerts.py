"""Issue 17, round 15: in a document that tells several launches, each alert goes to the launch whose passage names
it — a cheat-sheet's 'J-Alert: Okinawa Prefecture' on every entry, a briefing's alert told beside an earlier
launch. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted


def _alerted_by_day(text: str) -> dict[date | None, set[str | None]]:
    draft = drafted(text)
    return {d.date: {f.place for f in d.features if f.kind == "warning_area"} for d in (draft, *draft.others)}


def test_each_entry_of_a_list_keeps_the_alert_its_own_line_names():
    text = ("DESK NOTES: North Korea's satellite launches (updated 2 June 2031)\n\n"
            "All of these lifted off from the Sohae station and flew south over the Yellow Sea.\n\n"
            "\u2022 3 March 2029 \u2014 Chollima-2. Lift-off 9:12 a.m. KST. Reached orbit. J-Alert: Okinawa "
            "Prefecture.\n"
            "\u2022 9 October 2030 \u2014 Chollima-2 (second). 4:05 a.m. KST. Failure in second-stage flight. "
            "J-Alert: Okinawa Prefecture.\n"
            "\u2022 1 June 2031 \u2014 Chollima-2 (third). 10:40 p.m. KST. Reached orbit. No alert was needed.\n")
    alerted = _alerted_by_day(text)
    assert alerted[date(2029, 3, 3)] == {"okinawa-prefecture"}
    assert alerted[date(2030, 10, 9)] == {"okinawa-prefecture"}
    assert alerted[date(2031, 6, 1)] == set()


def test_an_alert_told_with_an_earlier_launch_is_not_the_lead_launchs():
    text = ("SEOUL, March 20, 2029 (Wire) - North Korea fired a ballistic missile from Sunan on Tuesday morning, "
            "South Korea's military said. It flew about 700 km east.\n\n"
            "On March 4, North Korea fired an ICBM from the same region, and Japan issued J-Alert warnings for "
            "Miyagi and Niigata prefectures.\n")
    alerted = _alerted_by_day(text)
    assert alerted[date(2029, 3, 20)] == set()
    assert alerted[date(2029, 3, 4)] == {"miyagi-prefecture", "niigata-prefecture"}


def test_a_chat_line_listing_the_prefectures_after_the_alert_names_its_areas():
    text = ("#launch-watch - exported log, Friday 14 March 2031\n(timestamps are the channel's, JST)\n\n"
            "[06:58] yuki: NHK flash: north korea launched a missile\n"
            "[06:59] yuki: yes. J-Alert is out\n"
            "[06:59] ben: which prefectures\n"
            "[07:00] yuki: Hokkaido, Aomori, Iwate, Miyagi\n"
            "[07:02] sora: JCS text just in: launched from the Sunan area, Pyongyang, at 06:57 KST, eastward\n")
    alerted = _alerted_by_day(text)
    assert alerted[date(2031, 3, 14)] == {"hokkaido", "aomori-prefecture", "iwate-prefecture", "miyagi-prefecture"}


def test_a_list_of_cities_with_no_alert_before_it_alerts_nothing():
    text = ("#launch-watch - exported log, Friday 14 March 2031\n\n"
            "[06:58] yuki: NHK flash: north korea launched a missile from the Sunan area, Pyongyang\n"
            "[07:10] ben: bureaus to call: Hokkaido, Aomori, Iwate, Miyagi\n")
    alerted = _alerted_by_day(text)
    assert alerted[date(2031, 3, 14)] == set()


def test_a_bullets_indented_lines_keep_an_earlier_launch_and_its_alert_together():
    text = ("MORNING BRIEF - SPEAKER NOTES\nBrief date: Monday, 24 March 2031\n\n"
            "\u2022 ROK JCS: North Korea launched one ICBM from the Sunan area at 10:15 KST on Friday.\n"
            "\u2022 No J-Alert - the projection never crossed Japanese territory.\n\n"
            "\u2022 Quick comparison for context. 3 March, 07:40 KST, also from the Sunan area:\n"
            "  ROK assessed that ICBM failed after second-stage separation. That was the morning J-Alert went out "
            "for\n  Miyagi, Yamagata and Niigata prefectures.\n")
    alerted = _alerted_by_day(text)
    assert alerted[date(2031, 3, 21)] == set()
    assert alerted[date(2031, 3, 3)] == {"miyagi-prefecture", "yamagata-prefecture", "niigata-prefecture"}
