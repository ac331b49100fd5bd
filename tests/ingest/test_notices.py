"""Official notices as broadcast → danger zones citing their coordinate text, with windows and numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from viewer.ingest import classify, ingest_files
from viewer.ingest.notice_windows import find_windows
from viewer.ingest.notices import read_notice

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ingest_corpus" / "notices"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
NOTICES = sorted(name for name in TRUTH if not name.startswith("_"))


@pytest.mark.parametrize("name", NOTICES)
def test_each_notice_gives_its_areas_within_a_hundredth_of_a_degree(name):
    truth = TRUTH[name]
    text = (CORPUS / name).read_text(encoding="utf-8")
    notice = read_notice(text)
    assert notice is not None
    assert notice.name == truth["notice"]
    assert notice.airspace == (truth["kind"] == "warning_area")
    areas = {a.label: a for a in notice.areas}
    expected = {**truth.get("areas", {}), **truth.get("circles", {})}
    assert set(areas) == set(expected)
    for label, corners in truth.get("areas", {}).items():
        got = areas[label].corners
        assert len(got) == len(corners)
        for (lon, lat), (want_lon, want_lat) in zip(got, corners, strict=True):
            assert abs(lon - want_lon) <= 0.01
            assert abs(lat - want_lat) <= 0.01
        assert areas[label].geometry.is_valid
        assert areas[label].geometry.buffer(1e-3).contains(shapely.MultiPoint(corners))
    for label, circle in truth.get("circles", {}).items():
        area = areas[label]
        assert area.radius_nm == pytest.approx(circle["radius_nm"])
        centre = area.geometry.centroid
        assert abs(centre.x - circle["centre"][0]) <= 0.01
        assert abs(centre.y - circle["centre"][1]) <= 0.01
    if "window" in truth:
        starts = min(w.start for w in notice.windows).strftime("%Y-%m-%dT%H:%MZ")
        ends = max(w.end for w in notice.windows).strftime("%Y-%m-%dT%H:%MZ")
        assert [starts, ends] == truth["window"]
    assert notice.cancels == truth.get("cancels", [])
    assert [label for label in "ABCDEFGH" if any(f"area {label}:" in m for _, m in notice.problems)] == truth.get(
        "unreadable", [])


def test_each_area_cites_exactly_its_coordinate_text():
    text = (CORPUS / "n04_notam_airspace.txt").read_text(encoding="utf-8")
    notice = read_notice(text)
    assert notice is not None
    (area,) = notice.areas
    assert text[slice(*area.span)] == "2700N12630E-2700N12730E-2600N12730E-2600N12630E-2700N12630E"
    circle = read_notice((CORPUS / "n05_navarea_circle.txt").read_text(encoding="utf-8"))
    assert circle is not None
    assert [(circle_text := (CORPUS / "n05_navarea_circle.txt").read_text(encoding="utf-8"))[slice(*a.span)]
            for a in circle.areas] == ["WITHIN 5NM OF 3920N12840E", "WITHIN 10 NM RADIUS OF 40-10N 129-55E"]
    assert circle_text


def test_windows_as_broadcast():
    def window(text, year=2023):
        (found,) = find_windows(text, year)
        return found.start.strftime("%d %H%M"), found.end.strftime("%d %H%M"), found.daily

    assert window("2200Z TO 0305Z DAILY 09 THRU 21 DEC") == ("09 2200", "22 0305", "2200Z-0305Z")
    assert window("090100Z TO 090400Z DEC 23") == ("09 0100", "09 0400", None)
    assert window("310001Z MAY TO 110000Z JUN 23") == ("31 0001", "11 0000", None)
    assert window("B) 2311212200 C) 2311301500") == ("21 2200", "30 1500", None)
    assert find_windows("2200Z TO 0305Z DAILY 09 THRU 21 DEC", None) == []  # no year known: nothing guessed


def test_a_malformed_coordinate_drafts_the_other_areas_and_names_the_one_it_cannot(tmp_path):
    problems: list[str] = []
    bundle = ingest_files([CORPUS / "n06_navarea_malformed.txt"], problems=problems)
    assert [f.properties["notice_area"] for f in bundle.features.values()] == ["A", "C"]
    assert len(problems) == 1
    assert problems[0].endswith("n06_navarea_malformed.txt:9: area B: cannot read the coordinate '32-74N'; "
                                "area B is not drafted")


def test_notam_cancellation_marks_the_cancelled_areas_and_notices_of_one_launch_merge():
    bundle = ingest_files([CORPUS / "n01_navarea_xi_satellite.txt", CORPUS / "n04_notam_airspace.txt",
                           CORPUS / "n07_notam_cancel.txt"])
    assert len(bundle.events) == 1  # the NAVAREA warning and the NOTAM announce one launch window
    airspace = [f for f in bundle.features.values() if f.kind == "warning_area"]
    assert [f.properties.get("cancelled") for f in airspace] == [True]
    assert all(not f.properties.get("cancelled") for f in bundle.features.values() if f.kind == "danger_zone")
    zone = next(f for f in bundle.features.values() if f.kind == "danger_zone")
    assert zone.properties["notice"] == "NAVAREA XI 0746/23"
    assert zone.properties["window"][0]["start"] == "2023-11-21T15:00Z"
    assert zone.citations[0].exact.startswith("36-04.00N 124-30.00E")


def test_what_is_neither_article_nor_notice_is_told_apart():
    assert classify((CORPUS / "n02_hydropac_missile.txt").read_text(encoding="utf-8")) == "notice"
    assert classify("id,lon,lat\n1,124.7,39.6\n2,125.1,38.2\n") == "neither"
    assert classify('{"type": "FeatureCollection", "features": []}') == "neither"
    prose = "North Korea fired a ballistic missile toward the sea on Monday, the South Korean military said. " * 2
    assert classify(prose) == "article"


def test_a_circle_in_plain_miles_is_in_nautical_miles():
    notice = read_notice("NAVAREA XI 0459/23\nPHILIPPINE SEA.\nDPRK.\n1. ROCKET LAUNCHING 2215Z TO 2330Z DAILY "
                         "30 MAY THRU 10 JUN IN AREAS:\n"
                         "   A. 33-59N 123-06E, 33-59N 123-45E, 33-05N 123-45E, 33-05N 123-06E.\n"
                         "   B. WITHIN 20 MILES OF 14-30N 128-30E.\n2. CANCEL THIS MSG 102430Z JUN 23.\n")
    circle = next(a for a in notice.areas if a.label == "B")
    assert circle.radius_nm == 20.0
    assert circle.corners == [(128.5, 14.5)]
    assert not notice.problems


def test_a_coordinate_mistyped_with_a_letter_is_named_not_dropped_from_its_area():
    """A letter O for a zero in a minute (33 deg 2O min N) must not leave a three-corner area drawn from the rest;
    no other corner gives 33 deg 20 min here, so nothing confirms a reading (see test_round19_notices_typos)."""
    prime = "\u2032"
    text = ("JAPAN COAST GUARD NAVIGATIONAL WARNING\nNR 2288/23\n201412 UTC NOV 23\n"
            "ROCKET LAUNCHING BY DPRK (SATELLITE).\nHAZARDOUS AREAS BOUNDED BY:\n"
            "1. 36°05'N 124°28'E, 36°05'N 124°58'E,\n   35°28'N 124°58'E, 35°28'N 124°28'E.\n"
            "2. 33°58'N 124°10'E, 33°58'N 124°37'E,\n   33°2O'N 124°37'E, 33°25'N 124°10'E.\n").replace("'", prime)
    notice = read_notice(text)
    assert notice is not None
    assert [area.label for area in notice.areas] == ["1"]
    assert [message for _, message in notice.problems] == [
        f"area 2: cannot read the coordinate '33°2O{prime}N'; area 2 is not drafted"]


def test_area_alfa_and_area_a_are_one_label_in_drafts_and_scores(tmp_path):
    spelled = ("HYDROPAC 1234/25(61)\nSEA OF JAPAN.\nDPRK MISSILE EXERCISE 0100Z TO 0400Z 12 MAR 25 IN AREAS:\n"
               "AREA ALFA 38-00N 130-00E, 38-00N 131-00E, 37-00N 131-00E, 37-00N 130-00E.\n"
               "AREA BRAVO WITHIN 10NM OF 39-30N 129-10E.\n")
    lettered = spelled.replace("AREA ALFA", "A.").replace("AREA BRAVO", "B.")
    for text in (spelled, lettered):
        notice = read_notice(text)
        assert notice is not None
        assert [a.label for a in notice.areas] == ["A", "B"]
    from viewer.ingest.corpus_score import score_notices
    from viewer.ingest.notices import area_letter

    assert [area_letter(x) for x in ("ALFA", "Alpha", "AREA BRAVO", "C", "2")] == ["A", "A", "B", "C", "2"]
    (tmp_path / "n.txt").write_text(spelled, encoding="utf-8")
    corners = [[130, 38], [131, 38], [131, 37], [130, 37]]
    truth = {"n.txt": {"notice": "HYDROPAC 1234/25(61)", "kind": "danger_zone", "areas": {"ALFA": corners},
                       "circles": {"B": {"centre": [129 + 10 / 60, 39.5], "radius_nm": 10}}}}
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    tally = score_notices(tmp_path)["notice areas"]
    assert (tally.right, tally.drafted, tally.truth) == (2, 2, 2), tally.misses


# Japan Coast Guard warnings also reach readers relayed with a country tag after the series, or retyped as prose
# with "Period:" and "Area (1):" lines; these sentences are written for the tests, not taken from a corpus.
PRIME = "\u2032"  # the prime sign a typeset warning writes for minutes
_JCG_RELAY = """JAPAN COAST GUARD NAVIGATIONAL WARNING
NAVAREA XI (JAPAN) 0123/25
ISSUED 020100 UTC MAR 25

SEA OF JAPAN.
MISSILE FIRING.
FROM 031500 UTC TO 031800 UTC MAR 25, DAILY UNTIL 06 MAR 25.
FALLING OBJECTS EXPECTED IN AREA BOUNDED BY:
(1) 39°10'N 131°20'E, 39°10'N 131°50'E,
    38°40.5'N 131°50'E, 38°40.5'N 131°20'E.
""".replace("'", PRIME)

_JCG_PROSE = """Japan Coast Guard
Navigational Warning No. 0345/25
Issued 2 March 2025, 10:00 JST

Title: Rocket launch (Yellow Sea)

Vessels are requested to pay attention to falling objects in the following areas.

Period: 4 March 2025 to 6 March 2025, daily from 2300 JST to 0100 JST the following day

Area (1): 36°00'N 124°00'E, 36°00'N 124°30'E, 35°20'N 124°30'E, 35°20'N 124°00'E
Area (2): within a radius of 5 nautical miles centred at 34°10.5'N 124°40.0'E
""".replace("'", PRIME)

_JCG_ONE_DAY = """JAPAN COAST GUARD
NAVIGATIONAL WARNING No. 0400/25
Period: from 0800 JST 9 April 2025 to 1600 JST 9 April 2025
Area: the area bounded by 38°00'N 132°00'E, 38°00'N 132°30'E, 37°30'N 132°30'E and 37°30'N 132°00'E
""".replace("'", PRIME)


def test_a_relayed_jcg_warning_with_a_country_tag_is_a_notice_with_a_daily_window_until_a_day():
    notice = read_notice(_JCG_RELAY)
    assert notice is not None
    assert notice.name == "NAVAREA XI 0123/25"
    assert [a.label for a in notice.areas] == ["1"]
    assert notice.areas[0].corners[2] == pytest.approx((131 + 50 / 60, 38 + 40.5 / 60))
    [window] = notice.windows
    assert (window.start.isoformat(), window.end.isoformat()) == ("2025-03-03T15:00:00+00:00",
                                                                  "2025-03-06T18:00:00+00:00")
    assert window.daily == "1500Z-1800Z"


def test_a_jcg_warning_retyped_as_prose_is_a_notice_in_jst():
    notice = read_notice(_JCG_PROSE)
    assert notice is not None
    assert notice.number == "0345/25"
    assert not notice.airspace
    assert [a.label for a in notice.areas] == ["1", "2"]
    assert notice.areas[1].radius_nm == pytest.approx(5)
    [window] = notice.windows
    # 23:00 JST on 4 March is 14:00Z; the last night ends 01:00 JST on 7 March, 16:00Z on the 6th
    assert (window.start.isoformat(), window.end.isoformat()) == ("2025-03-04T14:00:00+00:00",
                                                                  "2025-03-06T16:00:00+00:00")
    assert window.daily == "1400Z-1600Z"


def test_a_jcg_window_in_jst_with_full_dates_and_an_area_bounded_by_corners():
    notice = read_notice(_JCG_ONE_DAY)
    assert notice is not None
    assert len(notice.areas) == 1
    assert len(notice.areas[0].corners) == 4
    [window] = notice.windows
    assert (window.start.isoformat(), window.end.isoformat()) == ("2025-04-08T23:00:00+00:00",
                                                                  "2025-04-09T07:00:00+00:00")


def test_an_article_quoting_a_warning_number_is_still_an_article():
    text = ("TOKYO (Kyodo) -- The Japan Coast Guard issued Navigational Warning No. 0345/25 on Sunday, "
            "asking vessels to watch for falling objects in the Yellow Sea from March 4.\n")
    assert read_notice(text) is None
