"""Issue 17, round 15: dates as messages and the ends of pages give them — a situation report's 'AT 2310Z 04 JAN 31',
a wire's own stamp under its end mark, a wiki page's 'last edited' line at its foot. Every page here was written for
the test."""

from __future__ import annotations

from datetime import date

from viewer.ingest.datelines import find_dateline
from viewer.ingest.times import find_dates

# the body between a page's head and its foot (a stamp at the foot is past the first lines)
BODY = "The missiles flew some 350 kilometers, the officials said, adding that analysts were studying them. " * 10


def test_a_messages_date_in_capitals_with_a_two_digit_year():
    text = "1. SITUATION. AT 2310Z 04 JAN 31 (0810 KST 05 JAN) DPRK LAUNCHED ONE (1) BALLISTIC MISSILE."
    days = [d.value for d in find_dates(text, 0, len(text), date(2031, 1, 5))]
    assert days[0] == date(2031, 1, 4)  # not 31 January
    assert date(2031, 1, 31) not in days


def test_a_sitreps_launch_is_on_the_day_its_date_time_group_gives():
    from story import drafted

    text = ("SITREP COPY\n\nDTG:      050215Z JAN 31\nSUBJ:     SITREP 001 - DPRK MISSILE LAUNCH 05 JAN 31\n\n"
            "1. SITUATION. AT 2310Z 04 JAN 31 (0810 KST 05 JAN) DPRK LAUNCHED ONE (1) BALLISTIC MISSILE FROM AN INLAND "
            "AREA OF JAGANG PROVINCE TOWARD THE EAST SEA.\n")
    lead = drafted(text)
    assert lead.date == date(2031, 1, 5)
    assert lead.time is not None
    assert lead.time.isoformat().startswith("2031-01-04T23:10")


def test_a_yearless_dateline_takes_the_year_of_the_wires_stamp_at_its_foot():
    text = ("(LEAD) N. Korea fires missiles\n\nSEOUL, May 30 (Yonhap) -- North Korea fired missiles into the East Sea "
            "on Thursday, the military said.\n\n" + BODY + "\n\n(END)\n\n2031-05-30 08:52\n")
    dateline = find_dateline(text)
    assert dateline is not None
    assert dateline.value == date(2031, 5, 30)


def test_a_date_far_from_the_datelines_day_at_the_foot_gives_no_year():
    text = ("SEOUL, May 30 (Yonhap) -- North Korea fired missiles into the East Sea on Thursday.\n\n(END)\n\n"
            "2031-02-11 08:52\n")
    dateline = find_dateline(text)
    assert dateline is not None
    assert dateline.value is None


def test_a_page_dated_only_at_its_foot():
    from story import read

    text = ("# List of missile tests in 2031 (second half)\n\nFrom a research wiki.\n\n| Date | Time |\n|---|---|\n"
            "| 31 July | 05:06 |\n\n" + BODY + "\n\nThis page was last edited on 3 December 2031, at 11:02 (UTC).\n"
            "Text is available under a licence.\n")
    assert read(text).published == date(2031, 12, 3)


def test_a_bare_date_at_a_pages_foot_does_not_date_it():
    from story import read

    text = "Notes on launches\n\nSome text about a launch.\n\nSee also: the review of 3 December 2031.\n"
    assert read(text).published is None


def test_the_day_a_statement_was_made_is_not_the_launchs():
    from story import drafted

    text = ("FOR IMMEDIATE RELEASE\n\nFisheries Federation\nBusan\n18 September 2031\n\n"
            "BUSAN \u2014 The Fisheries Federation today called on the governments to share missile warnings with "
            "fishing vessels within minutes, after a North Korean ballistic missile came down in waters used by the "
            "squid fleet.\n\nAccording to the Joint Chiefs of Staff, North Korea fired one "
            "short-range ballistic missile from the Sondok area at 14:05 local time on Wednesday, 17 September.\n")
    assert drafted(text).date == date(2031, 9, 17)


def test_the_first_day_of_a_span_is_not_a_launch_day():
    from viewer.ingest.statement_days import statement_day

    text = "The drone cruised underwater off the east coast from March 21 to 23, the report says."
    first = find_dates(text, 0, len(text), date(2031, 3, 24))[0]
    assert first.value == date(2031, 3, 21)
    assert statement_day(text, first, 0)
    window = "Pyongyang said the launch would take place between May 31 and June 11."
    assert not statement_day(window, find_dates(window, 0, len(window), date(2031, 5, 30))[0], 0)


def test_a_printed_pages_lede_is_past_its_section_label_headline_and_byline():
    from story import drafted

    text = ("THE DAILY COURIER \u2014 SATURDAY, APRIL 12, 2031 \u2014 PAGE A7\n\nWORLD\n\n"
            "N. Korea rocket launch fizzles; breaks up over sea\n\nBy a Staff Correspondent\n\n"
            # (hard-wrapped and hyphenated as a scanned column comes)
            "SEOUL \u2014 North Korea's much-trum-\npeted satellite rocket broke apart\nshortly after liftoff on "
            "Friday morn-\ning, scattering debris into the Yel-\nlow Sea.\n\nThe rocket was launched from the Sohae "
            "station, officials said. It broke up about a minute into its flight.\n")
    assert drafted(text).date == date(2031, 4, 11)


def test_a_claim_quoted_in_a_worksheets_head_does_not_date_the_launch():
    from story import drafted

    text = ("FACT-CHECK WORKSHEET  #FC-0412\nClaim checked: \"North Korea fired a missile over Japan on 4 April 2031\" "
            "(viral post)\nChecker: L. Ortiz    Completed: 7 April 2031\n\nVERDICT: FALSE \u2014 wrong date.\n\n"
            "- The launch was on Wednesday 5 April 2031 (Korea time). The post's \"4 April\" is the US date.\n"
            "- South Korea's JCS: North Korea fired one ballistic missile from the vicinity of Sinpo. It flew about "
            "60 km into the East Sea.\n")
    assert drafted(text).date == date(2031, 4, 5)
