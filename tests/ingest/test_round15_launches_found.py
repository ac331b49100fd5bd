"""Issue 17, round 15: launches in analysts' working documents — call notes that name the launch site but never the
country, a notebook with a heading per launch. Every story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted, read

from viewer.ingest import draft_article


def test_call_notes_that_name_only_the_site_and_state_media_report_the_launch():
    text = ("CALL NOTES - typed up from handwritten notes\n"
            "Call with: our Tokyo stringer    When: Sat 12 April 2031, 01:10 JST\n\n"
            "- Launch late last night. Tokyo's first government word: ballistic missile launched at about 23:12 JST. "
            "Seoul has 23:11 from Mupyong-ri, Jagang Province.\n"
            "- KCNA: nothing yet; expect morning.\n")
    draft = drafted(text)
    assert draft.time is not None
    assert draft.time.isoformat() == "2031-04-11T23:12:00+09:00"
    assert next(f.place for f in draft.features if f.kind == "launch_site") == "mupyong-ri"


def test_a_name_of_a_place_alone_drafts_nothing_without_a_launch():
    text = ("CALL NOTES\nWhen: Sat 12 April 2031\n\n- Imagery of a new garage at Mupyong-ri, Jagang Province. "
            "KCNA silent.\n")
    assert draft_article(read(text)) is None


NOTEBOOK = ("---\ntitle: \"DPRK launch notebook - March 2031\"\ndate: 2031-03-31\n---\n\n"
            "# DPRK launch notebook - March 2031\n\nWorking notes. Times as given by the source. KST = UTC+9.\n\n"
            "## 4 Mar \u2014 one from Jagang\n\n"
            "- JCS: one ballistic missile detected at 07:27 KST from inland Jagang Province, toward the East Sea.\n"
            "- Flew 700+ km.\n\n"
            "## 12 Mar \u2014 two SRBMs from the airport\n\n"
            "- Two short-range ballistic missiles, first one at 08:50 KST, from the area of Pyongyang's Sunan "
            "airport, toward the East Sea.\n"
            "- Sixth launch event of the year (counting the two cruise missiles on the 9th).\n\n"
            "## 29 Mar \u2014 IRBM, lofted\n\n"
            "- JCS: an IRBM at 07:52 KST from the Mupyong-ri area, Jagang Province, fired toward the East Sea.\n"
            "- First IRBM-class shot since 2017; KCNA 30 Mar confirms it with pictures.\n\n"
            "## To do\n\n- [ ] Update the table.\n")


def test_a_notebooks_heading_per_launch_heads_one_launch_with_its_sections_lines():
    draft = drafted(NOTEBOOK)
    by_day = {d.date: d for d in (draft, *draft.others) if "in passing" not in d.name}
    assert set(by_day) == {date(2031, 3, 4), date(2031, 3, 12), date(2031, 3, 29)}
    twelfth = by_day[date(2031, 3, 12)]
    assert twelfth.time is not None
    assert twelfth.time.isoformat() == "2031-03-12T08:50:00+09:00"
    assert next(f.place for f in twelfth.features if f.kind == "launch_site") == "sunan"
    last = by_day[date(2031, 3, 29)]
    assert next(f.place for f in last.features if f.kind == "launch_site") == "mupyong-ri"


def test_a_story_with_one_dated_heading_is_not_a_notebook():
    text = ("# 4 March 2031 \u2014 North Korea fires a missile\n\n"
            "SEOUL (Wire) - North Korea fired a ballistic missile from Sunan on Tuesday morning, South Korea's "
            "military said. It flew about 700 km east.\n\n## Reaction\n\nJapan protested.\n")
    draft = drafted(text)
    assert draft.others == []


def test_a_cheat_sheets_entry_naming_a_new_rocket_tells_a_launch_with_its_time_after_its_first_sentence():
    text = ("CHEAT-SHEET: North Korea's satellite launches from Sohae (for new desk staff)\n"
            "Version 3 \u2014 updated 29 May 2031 by the research desk. One line each.\n\n"
            "Every entry below used the Sohae Satellite Launching Station.\n\n"
            "\u2022 21 November 2030 \u2014 Chollima-1 (third). 10:42 p.m. KST. Reached orbit.\n"
            "\u2022 27 May 2031 \u2014 new rocket, reportedly a kerosene first stage. 10:44 p.m. KST per JCS. "
            "Failure: exploded during first-stage flight.\n")
    draft = drafted(text)
    days = {d.date for d in (draft, *draft.others)}
    assert days == {date(2030, 11, 21), date(2031, 5, 27)}
    last = next(d for d in (draft, *draft.others) if d.date == date(2031, 5, 27))
    assert last.time is not None
    assert last.time.isoformat() == "2031-05-27T22:44:00+09:00"


def test_a_timelines_entry_heads_on_lines_of_their_own_each_head_a_launch():
    text = ("Explainer: North Korea's year of missiles - a timeline of 2031\n\nDecember 29, 2031\n\n"
            "North Korea carried out many missile tests in 2031. Here are the key launches of the year. Times are "
            "Seoul time.\n\n"
            "March 6 - Four extended-range Scuds\n"
            "Four missiles are fired at 7:36 a.m. from the Tongchang-ri area. They fly about 1,000 km.\n\n"
            "April 29 - Failure at Pukchang\n"
            "A missile fired from Pukchang in South Phyongan Province explodes within minutes of launch.\n\n"
            "May 14 - Hwasong-12\n"
            "A new intermediate-range missile is fired at 5:27 a.m. from near Kusong on a lofted trajectory.\n")
    draft = drafted(text)
    by_day = {d.date: d for d in (draft, *draft.others)}
    assert set(by_day) == {date(2031, 3, 6), date(2031, 4, 29), date(2031, 5, 14)}
    sites = {day: next((f.place for f in d.features if f.kind == "launch_site"), None) for day, d in by_day.items()}
    assert sites == {date(2031, 3, 6): "sohae", date(2031, 4, 29): "pukchang", date(2031, 5, 14): "kusong"}


def test_a_live_blogs_day_headings_are_not_launch_heads():
    text = ("LIVE: North Korea fires missile\n\nMonday 3 March 2031\n\n"
            "North Korea fired a ballistic missile from Sunan at 7:10 a.m., the JCS said.\n\n"
            "Tuesday 4 March 2031\n\nJapan protested the launch at the UN.\n")
    draft = drafted(text)
    assert draft.others == []


def test_a_blogs_numbered_rounds_each_tell_a_launch_under_their_day():
    text = ("Arms & Ranges - notes on missiles\nPosted 30 March 2031 | Tags: North Korea, SRBM\n\n"
            "Three rounds in four weeks\n\n"
            "March has been busy for North Korean launches. Here is the record from the JCS. All times are Korean.\n\n"
            "Round 1 \u2014 Monday, March 3. Two short-range projectiles from the Wonsan area, about 240 km "
            "downrange.\n\n"
            "Round 2 \u2014 Monday, March 10. At least three projectiles from the Sondok area of South Hamgyong. "
            "About 200 km.\n\n"
            "Round 3 \u2014 Saturday, March 29. At 6:10 a.m., two projectiles fired northeastward from Wonsan, "
            "230 km downrange.\n")
    draft = drafted(text)
    by_day = {d.date: d for d in (draft, *draft.others)}
    assert set(by_day) == {date(2031, 3, 3), date(2031, 3, 10), date(2031, 3, 29)}
    assert next(f.place for f in by_day[date(2031, 3, 10)].features if f.kind == "launch_site") == "sondok"


def test_a_clipping_files_header_dates_the_story_pasted_under_it():
    text = ("=== CLIPPING FILE: launches, March 2031 ===\n\n"
            "--- clip 1 --- [English wire, Seoul, 3 March 2031, 14:20 KST] ---\n"
            "North Korea fired two short-range projectiles into the sea off its east coast on Monday, South Korea's "
            "military said. The projectiles were launched from the Wonsan area at 12:37 p.m.\n\n"
            "--- clip 2 --- [English wire, Seoul, 10 March 2031, 10:05 KST] ---\n"
            "North Korea fired three projectiles toward the East Sea on Monday morning from the Sondok area of South "
            "Hamgyong Province, the JCS said.\n")
    draft = drafted(text)
    sites = {d.date: next((f.place for f in d.features if f.kind == "launch_site"), None)
             for d in (draft, *draft.others)}
    assert sites == {date(2031, 3, 3): "wonsan-kalma", date(2031, 3, 10): "sondok"}
