"""Issue 17, round 20 (item 1: "dates and times as newsrooms write them"): Korean and Japanese dates and clocks,
Japanese eras in kanji and letters, day-first dotted dates, military "hours", and the regional notices' Korean
lettering and full-width figures. Every text here was written for the test (fictional years where a launch is told).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from story import drafted, read

from viewer.ingest.east_asian_forms import east_asian_clocks
from viewer.ingest.eras import era_year
from viewer.ingest.notices import read_notice
from viewer.ingest.times import find_dates, find_times

REF = date(2031, 5, 30)


def _wide(text: str) -> str:
    """``text`` with its ASCII in full-width forms and its spaces ideographic, as a Japanese keyboard types it."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)


def _dates(text: str, reference: date | None = REF) -> list[date | None]:
    return [d.value for d in find_dates(text, 0, len(text), reference, weekdays=False)]


def _clocks(text: str) -> list[tuple[int, int, str]]:
    return [(t.hour, t.minute, t.zone) for t in find_times(text, 0, len(text))]


@pytest.mark.parametrize(("text", "wanted"), [
    ("북한은 2031년 5월 30일 미사일을 발사했다.", date(2031, 5, 30)),
    ("on 2029 년 12 월 3 일 at dawn", date(2029, 12, 3)),
    ("防衛省は2030年1月9日、発表した。", date(2030, 1, 9)),
    ("the launch of 5월 28일", date(2031, 5, 28)),
    ("the visit to the DMZ on 9月29日", date(2031, 9, 29)),
    ("the drill of 12月29日", date(2030, 12, 29)),  # over half a year ahead of the story: the year before
    ("합참은 오늘(18일) 발표했다", date(2031, 5, 18)),
    ("fell on the 31日", None),  # (a story of 30 May: 31 April, which does not exist: no date)
])
def test_korean_and_japanese_dates_are_read_in_full_or_against_the_storys_date(text, wanted):
    found = _dates(text)
    assert (found[0] if found else None) == wanted


@pytest.mark.parametrize("text", [
    "日本政府は声明を出した。",  # 日本 (Japan): no day
    "3일간 계속된 훈련",  # for three days
    "訓練は3日間続いた",  # for three days
    "その3日後に",  # three days later
    "version 2.31.5",
])
def test_what_only_looks_like_a_korean_or_japanese_day_is_no_date(text):
    assert _dates(text) == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("平成24年12月12日", date(2012, 12, 12)),
    ("令和8年2月17日(火)", date(2026, 2, 17)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("昭和 64 年 1 月 7 日", date(1989, 1, 7)),
    ("防衛省 R5.7.12 発表", date(2023, 7, 12)),
    ("H29.3.6 (Mon)", date(2017, 3, 6)),
    ("Tokyo desk, 09:00 JST, R4.10.1", date(2022, 10, 1)),
])
def test_japanese_era_dates_in_kanji_and_letters(text, wanted):
    assert _dates(text) == [wanted]


@pytest.mark.parametrize("text", [
    "平成32年1月1日",  # Heisei ended in its 31st year
    "firmware R5.7.12 released",  # a letter era with nothing Japanese about the page and no weekday: a version
    "Japan's report, section S1.2.3, says",  # Japan named is not a Japanese page
    "R5.7.12.3",
    "HR5.7.12",
])
def test_an_era_date_that_cannot_be_or_is_not_japanese_is_no_date(text):
    assert [d for d in _dates(text) if d is not None] == []


def test_era_years_by_name_kanji_and_letter():
    assert era_year("Heisei", "24") == era_year("\u5e73\u6210", "24") == era_year("H", "24") == 2012
    assert era_year("\u4ee4\u548c", "\u5143") == 2019
    assert era_year("S", "65") is None


@pytest.mark.parametrize(("text", "wanted"), [
    ("On 12.07.2031, the missile", [date(2031, 7, 12)]),
    ("following the launch of 13.04.2031 and the failure on 31.05.2031.", [date(2031, 4, 13), date(2031, 5, 31)]),
    ("18.12.2031, 06:05", [date(2031, 12, 18)]),
    ("on 07/12/2031", []),  # slashes: 7 December or 12 July, nothing settles it
    ("on 07/12/2031, a week after 30/11/2031", [date(2031, 12, 7), date(2031, 11, 30)]),  # the day first there
    ("on 07/12/2031, a week after 11/30/2031", [date(2031, 7, 12), date(2031, 11, 30)]),  # the month first there
])
def test_dotted_dates_are_day_first_and_slashed_ones_only_when_the_text_settles_it(text, wanted):
    assert [d for d in _dates(text) if d is not None] == wanted


def test_a_version_or_an_address_is_no_dotted_date():
    assert _dates("build 1.12.2031.4 and host 10.1.2031.5") == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("06시 14분경 발사", (6, 14, "KST")),
    ("오전 9:41에", (9, 41, "KST")),
    ("오후 11시", (23, 0, "KST")),
    ("밤 11시 20분", (23, 20, "KST")),
    ("새벽 3시 5분", (3, 5, "KST")),
    ("午前9時49分頃", (9, 49, "JST")),
    ("午後11時42分", (23, 42, "JST")),
    ("06時52分", (6, 52, "JST")),
    ("18時10分頃", (18, 10, "JST")),
    ("at around 3 o'clock 17 minutes of dawn", (3, 17, "KST")),
    ("at the 6 o'clock of the evening", (18, 0, "KST")),
])
def test_korean_and_japanese_clocks(text, wanted):
    assert _clocks(text) == [wanted]


@pytest.mark.parametrize("text", [
    "3시간 동안 비행했다",  # for three hours
    "約3時間飛行した",  # for about three hours
    "24시 뉴스",  # a programme's name: no such hour on the clock
    "at 6 o'clock",  # English, its zone not said
    "午後",
])
def test_what_is_no_korean_or_japanese_clock(text):
    assert east_asian_clocks(text, 0, len(text)) == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("launched at 0736 hours from", (7, 36)),
    ("lifted off at 7:39 a.m. (0739 hours) and", (7, 39)),
    ('detected the launch at "0652 hours" and', (6, 52)),
    ("at around 2341 hours", (23, 41)),
])
def test_a_military_clock_in_hours_is_read(text, wanted):
    assert [(t.hour, t.minute) for t in find_times(text, 0, len(text), "KST")][-1] == wanted


@pytest.mark.parametrize("text", ["the crew logged 1500 hours of flight", "more than 2000 hours later"])
def test_a_count_of_hours_is_no_clock(text):
    assert find_times(text, 0, len(text), "KST") == []


def test_a_translation_day_of_the_month_is_a_day_but_a_siege_day_is_not():
    assert _dates("fired on the 29th day from") != []
    assert [d for d in find_dates("on the 29th day of the siege", 0, 28, REF, weekdays=False)] == []


@pytest.mark.parametrize(("head", "wanted"), [
    ("令和13年2月17日(火)07:25 更新 08:40\n\nThe ministry said", date(2031, 2, 17)),
    (_wide("R13.7.12") + "\n防衛省\n\nPress Release\n", date(2031, 7, 12)),
    ("H29.3.6 (Mon) 14:05 JST — English Digest\n\nNorth Korea", date(2017, 3, 6)),
    ("平成29年7月29日 (Heisei 29) 01:30 JST — English Service\n\n", date(2017, 7, 29)),
    ("北朝鮮による弾道ミサイル発射\nCompiled: R13.10.2 — study group\n\n", date(2031, 10, 2)),
    ("발령일시: 2031년 8월 19일 14:00\n\n", date(2031, 8, 19)),
    ("Seoul, 12.07.2031\n\nOn that day the DPRK", date(2031, 7, 12)),
])
def test_japanese_and_korean_heads_date_the_page(head, wanted):
    assert read(head + "North Korea fired a missile, officials said.\n").published == wanted


def test_a_korean_clock_gives_a_launch_its_time():
    lead = drafted("SEOUL, May 30, 2031 (Harbour Wire) -- North Korea fired a ballistic missile from the Sunan area "
                   "toward the East Sea at around 10시 15분 (10:15) today, the JCS said.\n")
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 5, 30, 1, 15, tzinfo=UTC)


def test_a_japanese_table_row_era_date_and_clock():
    lead = drafted("Japan's Ministry of Defense said North Korea launched a ballistic missile at around 午前7時34分 "
                   "on R13.3.6 (Thu) from the Tongchang-ri area, and it fell in the Sea of Japan.\n")
    assert lead.date == date(2031, 3, 6)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 5, 22, 34, tzinfo=UTC)


KOREAN_WARNING = ("항행경보 제301호 (2031년)\n동해 — 미사일 발사 관련 위험구역 알림\n(English text follows)\n\n"
                  "KOREA NAVIGATIONAL WARNING 301/31\nEAST SEA.\nMISSILE FIRING.\n"
                  "PERIOD: 120000Z MAR 31 TO 120400Z MAR 31.\nDANGEROUS AREAS:\n"
                  "{a} AREA BOUNDED BY 38-10N 130-20E, 38-10N 131-05E, 37-30N 131-05E, 37-30N 130-20E.\n"
                  "{b} WITHIN 5NM OF 39-00N 131-30E.\n")


@pytest.mark.parametrize(("a", "b"), [("(가)", "(나)"), ("\u326e", "\u326f"), ("가.", "나.")])
def test_a_korean_warning_letters_its_areas_in_hangul(a, b):
    notice = read_notice(KOREAN_WARNING.format(a=a, b=b))
    assert notice is not None
    assert notice.name == "KOREA NAVIGATIONAL WARNING 301/31"
    assert [(area.label, area.radius_nm) for area in notice.areas] == [("가", None), ("나", 5.0)]
    assert [(w.start, w.end) for w in notice.windows] == [(datetime(2031, 3, 12, 0, 0, tzinfo=UTC),
                                                            datetime(2031, 3, 12, 4, 0, tzinfo=UTC))]


def test_a_warning_in_full_width_figures_is_read_and_cites_its_own_text():
    wide = _wide("JAPAN COAST GUARD NAVIGATIONAL WARNING 0301/31\nSEA OF JAPAN.\nMISSILE LAUNCHING.\n"
                 "PERIOD: 042200 UTC SEP 31 TO 050200 UTC SEP 31.\nIN AREA BOUNDED BY:\n"
                 "38-10N 130-20E,\n38-10N 131-05E,\n37-30N 131-05E,\n37-30N 130-20E.\n")
    text = "航行警報" + _wide(" 第0301号") + "\n日本海\n\n" + wide
    notice = read_notice(text)
    assert notice is not None
    assert len(notice.areas) == 1
    assert notice.areas[0].corners[0] == pytest.approx((130 + 20 / 60, 38 + 10 / 60))
    start = notice.areas[0].span[0]
    assert text[start : start + 5] == _wide("38-10")


@pytest.mark.parametrize(("text", "wanted"), [
    ("fired a missile on the evening of the 23rd, but", date(2031, 5, 23)),
    ("launched on the morning of the 6th from", date(2031, 5, 6)),
    ("in the dawn of the 2nd,", date(2031, 5, 2)),
])
def test_a_part_of_a_day_of_the_month_is_that_day(text, wanted):
    assert _dates(text) == [wanted]


def test_a_launch_tables_time_cell_in_japanese_clocks_times_each_row():
    lead = drafted("North Korean ballistic missile launches (Reiwa 13)\nCompiled: R13.10.2\n\n"
                   "Times are local (JST = KST) as given by the JCS.\n\n"
                   "| Date | Time (local) | Launch area | Number / type | Direction |\n"
                   "|---|---|---|---|---|\n"
                   "| R13.9.25 (Thu) | 06時53分頃 | Taechon, North Pyongan Province | 1 SRBM | toward the East Sea |\n"
                   "| R13.9.28 (Sun) | 18時10分頃 / 18時20分頃 | Sunan, Pyongyang | 2 SRBMs | toward the East Sea |\n")
    assert lead.date == date(2031, 9, 25)
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 9, 24, 21, 53, tzinfo=UTC)


@pytest.mark.parametrize(("text", "wanted"), [
    ("합참은 2031. 5. 28. 발표했다", [date(2031, 5, 28)]),
    ("on 2031. 12. 3. at dawn", [date(2031, 12, 3)]),
    ("in 2031. 5. 12 people were hurt", []),  # no dot after the day: a sentence's end and a count
])
def test_a_korean_spaced_dotted_date_in_the_body(text, wanted):
    assert [d for d in _dates(text) if d is not None] == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    ("MOSCOW, 18.12.2031, 06:05 - North Korea", [(6, 5)]),
    ("Published December 18, 2031, 14:40", [(14, 40)]),
    ("the 2031, 10:2 vote", []),
])
def test_a_clock_after_a_dates_year_and_comma(text, wanted):
    assert [(t.hour, t.minute) for t in find_times(text, 0, len(text), "local time")] == wanted


def test_the_libraries_table_on_the_regional_forms_counts_every_form():
    from viewer.ingest.date_libraries import FORMS, compare_forms

    ours = compare_forms()[2]
    assert ours.startswith("| launchmap rules |")
    said = sum(d is not None for _, d, _ in FORMS)
    assert f"/ {said} |" in ours
    assert "| 0 |" in ours  # no form that says no date or clock is read as one
