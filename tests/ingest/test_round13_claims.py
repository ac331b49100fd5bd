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


def test_a_day_after_a_clock_in_eastern_standard_time_is_not_the_launchs_day():
    text = ("Imagery analysis\nSohae after the launch\nFebruary 10, 2026\n\n"
            "On February 7, North Korea placed a satellite into orbit from the Sohae Satellite Launching Station. US "
            "Strategic Command detected the launch at 7:29 p.m. Eastern Standard Time on February 6.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 2, 7)


def test_a_line_that_ends_with_a_comma_goes_on_with_the_next():
    text = ("THE LETTER \u2014 weekly notes for missile watchers\nVol. 6, No. 8 \u2014 Monday, 27 February 2026\n\n"
            "KCNA reported on Friday that four strategic cruise missiles were fired at dawn on Thursday,\n"
            "February 26, from the Kimchaek area on the northeast coast, in what it called a drill.\n\n"
            "Reading list: a new paper on the Sinpo South shipyard.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 2, 26)
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "kimchaek"


def test_a_notice_cited_with_its_daily_hours_is_not_another_launch():
    text = ("MEMBER CIRCULAR\nCircular 2026/019 | Issued 7 April 2026\n\n"
            "On Monday, 6 April 2026, North Korea fired several cruise missiles from the Jangyon area. The JCS "
            "detected the firing at 16:20 KST.\n\n"
            "The firing took place inside an airspace reservation published by NOTAM (RKRR Z0342/26, daily 0600-1100 "
            "UTC, 5-9 April) and a navigational warning.\n")
    draft = drafted(text)
    assert draft.others == []
    assert draft.date == date(2026, 4, 6)


def test_alerts_told_as_warning_people_to_get_indoors_or_warnings_sent_to_residents():
    text = ("TOKYO (AP) \u2014 North Korea fired an intermediate-range ballistic missile over Japan early Tuesday, "
            "forcing the Japanese government to warn people in the northern island of Hokkaido and in Aomori "
            "prefecture to get indoors.\n\nThe missile was launched at about 7:22 a.m. local time from Mupyong-ri.\n\n"
            "Updated October 4, 2026\n")
    areas = {f.place for f in drafted(text).features if f.kind == "warning_area"}
    assert areas == {"hokkaido", "aomori-prefecture"}
    text = ("SEOUL, Dec 12, 2026 -- North Korea launched a rocket from Sohae on Wednesday. Japanese officials said "
            "it passed over the Okinawa island chain, where the government had sent warnings to residents.\n")
    areas = {f.place for f in drafted(text).features if f.kind == "warning_area"}
    assert areas == {"okinawa-prefecture"}


def test_a_line_ending_in_a_bracket_goes_on_when_the_next_begins_in_lower_case():
    text = ("MARITIME SECURITY BULLETIN\nBulletin No. 2026-05 | Issued 29 JAN 2026 0600 UTC\n\n"
            "2.2  Wed 28 JAN \u2014 EAST COAST. JCS reported several cruise missiles fired at about 0800 local "
            "(2300 UTC)\n"
            "     in waters near Sinpo, home of the North Korean submarine yard.\n")
    site = drafted(text).first("launch_site")
    assert site is not None
    assert site.place == "sinpo"


def test_a_successful_ground_test_is_no_launchs_outcome():
    text = ("SEOUL, April 2, 2026 -- North Korea fired a suspected intermediate-range ballistic missile toward the "
            "East Sea on Thursday, the JCS said.\n\nLast month it claimed a successful ground test of a solid-fuel "
            "engine for a new missile.\n")
    assert drafted(text).outcome is None


def test_a_table_rows_notes_give_its_launchs_outcome():
    text = ("List of test flights\n\nThis page was last edited on 10 June 2026, at 09:00 (UTC).\n\n"
            "Flight tests of missiles by North Korea. Times are local (KST, UTC+9).\n\n"
            "No. | Date | Time (KST) | Missile | Launch area | Notes\n"
            "1 | 12 March 2025 | 06:40 | Pukguksong-3 | off Sinpo | Flew east. North Korea declared it a success.\n"
            "2 | 9 May 2026 | 11:05 | Pukguksong-5 | off Sinpo | Not acknowledged.\n")
    draft = drafted(text)
    by_day = {d.date: d.outcome for d in (draft, *draft.others)}
    assert by_day == {date(2025, 3, 12): "success", date(2026, 5, 9): None}


def test_a_list_of_prefectures_wrapped_onto_a_new_line_is_not_a_dateline():
    text = ("HOKKAIDO DIGEST \u2014 English\n2026.8.29 (Sat) 15:10 JST\n\n"
            "A ballistic missile launched by North Korea early on the 29th flew over Hokkaido, the government said.\n\n"
            "J-Alert messages urging people to take shelter were sent at 6:02 to Hokkaido, Aomori, Iwate, Miyagi,\n"
            "Akita, Yamagata and Niigata prefectures.\n")
    areas = {f.place for f in drafted(text).features if f.kind == "warning_area"}
    assert "akita-prefecture" in areas
    assert len(areas) == 7


def test_a_launch_named_with_its_day_last_year_is_that_years():
    text = ("COMMITTEE SUMMARY\nDate of meeting: 2026. 1. 8. (Thu) 10:00\n\n"
            "JCS Director: On the 6th at around 12:00, our military detected one intermediate-range ballistic "
            "missile launched from the Pyongyang area toward the East Sea.\n\n"
            "JCS Director: The North called the January 14 launch last year a hypersonic IRBM as well.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 1, 6)
    assert [o.date for o in draft.others] == [date(2025, 1, 14)]
