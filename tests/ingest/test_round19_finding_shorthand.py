"""Issue 17, round 19: launches in telegraphic forms — an analyst's shorthand, a log's or a note's line with no verb
('NK SRBM x2 fm <place>', 'NK ICBM launch, …, fr <place>'), a budget line in the present tense with where from and
when, a ticker in capitals; the same shorthand for a launch still to come, or a heading in capitals, is none. Every
story here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted, read

from viewer.ingest import draft_article


def _site(draft) -> str | None:
    return next((f.place for f in draft.features if f.kind == "launch_site"), None)


def test_a_watch_logs_line_with_no_verb_is_a_launch_from_the_place_after_fm():
    text = ("EAST DESK - WATCH LOG (all times L = KST)\n"
            "Log opened 0600L by duty officer\n\n"
            "0640L  Quiet. Checked KCNA overnight items, nothing new.\n"
            "0712L  NK SRBM x2 fm Sukchon, ENE, per JCS text. Flight data to follow.\n"
            "0730L  Called duty analyst.\n")
    draft = drafted(text)
    assert _site(draft) == "sukchon"


def test_an_analysts_note_naming_the_launch_by_its_abbreviations_is_a_launch_from_the_place_after_fr():
    text = ("notes, morning after\n"
            "re: last night's ICBM\n\n"
            "- NK ICBM launch, JCS: ~2318 KST, fr Mupyong-ri, Jagang prov. (interior)\n"
            "- Japan MOD: flt ~50 min, fell in SOJ\n"
            "- KCNA this a.m.: claims success\n")
    draft = drafted(text)
    assert _site(draft) == "mupyong-ri"


def test_the_same_shorthand_for_a_launch_still_to_come_is_no_launch():
    text = ("notes, planning call\n\n"
            "- NK ICBM launch expected within days, per imagery of the Sohae pad; KCNA silent\n"
            "- DPRK SRBM launch prep seen near Sunan (unconfirmed)\n"
            "- next call Friday\n")
    assert draft_article(read(text)) is None


def test_a_heading_in_capitals_is_not_read_as_the_shorthand():
    text = ("SUBJECT: DPRK IRBM LAUNCH FROM SUNAN - PLANNING NOTES\n\n"
            "The team will meet on Friday to plan coverage of possible launches this month.\n")
    assert draft_article(read(text)) is None


def test_a_budget_line_in_the_present_tense_with_where_from_and_when_is_a_launch():
    text = ("DESK BUDGET - Thursday, May 8, 2031 (updated 15:10 KST)\n\n"
            "TOP\n"
            "NKOREA-MISSILE (500 words, moved 09:40)\n"
            "  North Korea fires what Seoul calls a new SLBM from waters off Sinpo at 6:40 a.m.; it flew about\n"
            "  400 km east and came down in the Sea of Japan.\n\n"
            "ALSO\n"
            "CITY-CRIME (400): May 7 shooting downtown, police briefing at 11.\n")
    draft = drafted(text)
    assert _site(draft) == "sinpo"
    assert draft.time is not None
    assert draft.time.isoformat() == "2031-05-08T06:40:00+09:00"
    assert draft.others == []  # (the shooting is a gun's, no launch)


def test_a_ticker_log_in_capitals_reports_the_launch_it_names():
    text = ("CHANNEL 5 NEWS - ON-SCREEN TEXT LOG (TICKER)\n"
            "DATE: 2031-06-03 (TUE)   CLOCK: KST\n\n"
            "07:12  BREAKING | N. KOREA FIRES BALLISTIC MISSILE INTO EAST SEA: JCS\n"
            "07:20  BREAKING | JCS: SHORT-RANGE BALLISTIC MISSILE FIRED FROM SUKCHON AREA AROUND 7:05 A.M.\n"
            "07:41  TICKER | TOKYO: MISSILE FELL OUTSIDE JAPAN'S EEZ\n")
    assert _site(drafted(text)) == "sukchon"


def test_automatic_captions_in_lower_case_report_the_launch_they_tell():
    text = ("Video: special report (English simulcast)\n"
            "Streamed live on Jun 3, 2031\n"
            "Transcript (auto-generated captions, English)\n\n"
            "0:00\ngood afternoon this is a special report\n"
            "0:03\nnorth korea launched a ballistic missile\n"
            "0:05\nthis morning the defense ministry says\n"
            "0:09\nit flew for about 40 minutes\n")
    assert drafted(text).date == date(2031, 6, 3)


def test_captions_in_lower_case_about_a_launch_to_come_report_none():
    text = ("Transcript (auto-generated captions, English)\n\n"
            "0:00\nofficials in seoul say north korea may launch\n"
            "0:04\na ballistic missile in the coming days\n"
            "0:08\nthe military is watching the pyongyang area\n")
    assert draft_article(read(text)) is None


def test_what_state_media_may_yet_call_the_launch_is_not_its_outcome():
    text = ("DESK BUDGET - Thursday, May 8, 2031 (updated 15:10 KST)\n\n"
            "NKOREA-MISSILE (500 words, moved 09:40)\n"
            "  North Korea fires what Seoul calls a new SLBM from waters off Sinpo at 6:40 a.m.; it flew about\n"
            "  400 km east.\n\n"
            "FOR FRIDAY\n"
            "NKOREA-MISSILE-KCNA: KCNA expected to report the test; if it calls it a \"successful\" new type,\n"
            "  lead on that.\n")
    assert drafted(text).outcome is None
