"""Issue 17, round 19: a Japan Coast Guard warning relayed in Japanese, with its Japanese heading (航行警報 第…号),
full-width figures, corners in 北緯/東経 degrees and minutes, and its period in Japan's clock by era year. The warning
is invented."""

from __future__ import annotations

from datetime import UTC, datetime

from viewer.ingest.notices import read_notice


def _wide(text: str) -> str:
    """``text`` in full-width figures and brackets, as a Japanese page sets them."""
    return "".join(chr(ord(c) + 0xFEE0) if c in "0123456789()" else c for c in text)


WARNING = (
    "航行警報\n"
    + _wide("日本航行警報\u3000第1107号(令和13年)\n")
    + "海上保安庁\n\n"
    "日本海\n"
    "ロケット打ち上げの通報があった。\n"
    + _wide("1\u3000期間\u3000令和13年12月30日2200時から1月2日0600時まで(日本時間)\n")
    + _wide("2\u3000区域\u3000次の各点を順次結んだ線により囲まれる海域\n")
    + "　(1) 北緯39度10分 東経134度20分、北緯39度10分 東経135度05分、\n"
    "　　　北緯38度40分 東経135度05分、北緯38度40分 東経134度20分\n"
    "　(2) 北緯37度05分30秒 東経136度00分、北緯37度05分30秒 東経136度30分、\n"
    "　　　北緯36度50分 東経136度30分\n"
    + _wide("3\u3000付近航行船舶は、落下物に注意すること。\n")
)


def test_a_warning_in_japanese_is_read_with_its_areas_and_window():
    notice = read_notice(WARNING)
    assert notice is not None
    assert notice.number == "1107/31"  # Reiwa 13 is 2031
    assert not notice.airspace
    assert [a.label for a in notice.areas] == ["1", "2"]
    first, second = notice.areas
    assert [(round(lon, 4), round(lat, 4)) for lon, lat in first.corners] == [
        (134.3333, 39.1667), (135.0833, 39.1667), (135.0833, 38.6667), (134.3333, 38.6667)]
    assert round(second.corners[0][1], 4) == 37.0917  # 37 deg 05 min 30 s
    # 22:00 JST on 30 December 2031 to 06:00 JST on 2 January 2032 (the year turns with the month)
    assert [(w.start, w.end) for w in notice.windows] == [
        (datetime(2031, 12, 30, 13, tzinfo=UTC), datetime(2032, 1, 1, 21, tzinfo=UTC))]


def test_its_citations_point_into_the_japanese_text():
    notice = read_notice(WARNING)
    assert notice is not None
    first = notice.areas[0]
    assert WARNING[slice(*first.span)].startswith("北緯39度10分 東経134度20分")
    assert WARNING[slice(*first.span)].endswith("東経134度20分")
    assert WARNING[slice(*notice.windows[0].span)].startswith(_wide("令和13年12月30日"))


def test_an_article_in_japanese_naming_a_warning_in_a_sentence_is_no_notice():
    text = "海上保安庁は、北朝鮮から人工衛星打ち上げの通報があったとして航行警報を出した。北緯36度付近の海域。\n"
    assert read_notice(text) is None
