"""Issue 17, one step beyond what its sentences quote: a notice in lower case or with CRLF line ends, a NOTAM with
several areas, an article and a notice about one launch given in either order, an HTML page with script, style and
entities, and a launch told only as 'earlier this month'. All text is invented. Two are expected failures of the
rules that find notices and launches, which are being changed elsewhere this round: they are marked so, with why."""

from __future__ import annotations

from pathlib import Path

import pytest
from launch_articles import SOHAE_2031

from viewer.ingest import ingest_files

NOTICE = """NAVAREA XI 0513/31
YELLOW SEA.
DPRK SATELLITE LAUNCHING.
2200Z TO 0305Z DAILY 09 THRU 21 DEC 31
IN AREAS BOUND BY:
A. 36-10N 124-20E, 36-10N 124-50E,
   35-40N 124-50E, 35-40N 124-20E.
B. 33-50N 124-05E, 33-50N 124-35E, 33-20N 124-35E, 33-20N 124-05E.
CANCEL THIS MSG 212300Z DEC 31.
"""

NOTAM = """A1207/31 NOTAMN
Q) RJJJ/QRDCA/IV/BO/W/000/999/2700N12800E200
A) RJJJ B) 3112092200 C) 3112210305
E) TEMPORARY DANGER AREAS DUE TO ROCKET LAUNCH BY DPRK
AREA ALFA: 3400N12400E-3400N12500E-3300N12500E-3300N12400E-3400N12400E
AREA BRAVO: 2700N12630E-2700N12730E-2600N12730E-2600N12630E-2700N12630E
F) SFC G) UNL
"""


def written(folder: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = folder / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def zones(bundle, kind="danger_zone"):
    return sorted((f for f in bundle.features.values() if f.kind == kind), key=lambda f: f.label)


def test_a_notice_with_crlf_line_ends_reads_every_area_and_cites_the_exact_text(tmp_path):
    path = written(tmp_path, "n.txt", NOTICE, "\r\n")
    problems: list[str] = []
    bundle = ingest_files([path], problems=problems)
    areas = zones(bundle)
    assert problems == []
    assert [a.properties["notice_area"] for a in areas] == ["A", "B"]
    text = bundle.documents[areas[0].citations[0].document].text
    citation = areas[0].citations[0]
    assert text[citation.start : citation.end] == citation.exact == "36-10N 124-20E, 36-10N 124-50E,\r\n   35-40N " \
                                                                     "124-50E, 35-40N 124-20E"
    assert areas[0].properties["notice"] == "NAVAREA XI 0513/31"
    assert areas[0].properties["window"][0]["start"] == "2031-12-09T22:00Z"


def test_a_notam_with_several_areas_gives_one_warning_area_each(tmp_path):
    bundle = ingest_files([written(tmp_path, "notam.txt", NOTAM)])
    areas = zones(bundle, "warning_area")
    assert [a.citations[0].exact for a in areas] == [
        "3400N12400E-3400N12500E-3300N12500E-3300N12400E-3400N12400E",
        "2700N12630E-2700N12730E-2600N12730E-2600N12630E-2700N12630E"]
    assert {a.properties["notice"] for a in areas} == {"NOTAM A1207/31"}
    assert areas[0].geometry.bounds == pytest.approx((124.0, 33.0, 125.0, 34.0), abs=0.01)  # edges densified


@pytest.mark.parametrize("order", [("a.txt", "n.txt"), ("n.txt", "a.txt")])
def test_an_article_and_a_notice_about_one_launch_are_one_launch_in_either_order(tmp_path, order):
    paths = {"a.txt": written(tmp_path, "a.txt", SOHAE_2031), "n.txt": written(tmp_path, "n.txt", NOTICE)}
    bundle = ingest_files([paths[name] for name in order])
    assert list(bundle.events) == ["draft-2031-12-10"]
    kinds = sorted(f.kind for f in bundle.features.values())
    assert kinds == ["danger_zone", "danger_zone", "flight_path", "launch_site"]


def test_an_html_page_with_script_style_and_entities_is_read_as_its_words_only(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Rocket &amp; warning</title>"
            "<meta property='article:published_time' content='2031-12-11T09:00:00+09:00'>"
            "<style>.x:before{content:'North Korea fired a missile from Kusong on Monday'}</style>"
            "<script>document.write('North Korea fired a ballistic missile from Sinpo on Tuesday')</script>"
            "</head><body onload='alert(1)'><h1>Rocket &amp; warning</h1>"
            "<p>North Korea launched a space rocket from the Sohae satellite launching station at 10:51&nbsp;p.m. on "
            "Wednesday night, South Korea&#8217;s Joint Chiefs of Staff said. The rocket flew on a southward path "
            "over the Yellow Sea &mdash; Japan issued a J&#x2011;Alert for Okinawa Prefecture.</p>"
            "<img src=x onerror='alert(2)'><p>&lt;script&gt;alert(3)&lt;/script&gt; was typed by a reader.</p>"
            "</body></html>")
    bundle = ingest_files([written(tmp_path, "page.html", page)])
    (document,) = bundle.documents.values()
    assert "document.write" not in document.text
    assert "content:" not in document.text
    assert "onerror" not in document.text
    assert "South Korea\u2019s Joint Chiefs" in document.text
    assert "<script>alert(3)</script> was typed" in document.text  # shown as the words it is, never run
    assert [f.properties.get("place") for f in bundle.features.values() if f.kind == "launch_site"] == ["sohae"]
    assert str(document.published) == "2031-12-11"


def test_a_lower_case_notice_is_still_a_notice(tmp_path):
    problems: list[str] = []
    bundle = ingest_files([written(tmp_path, "n.txt", NOTICE.lower())], problems=problems)
    assert problems == []
    assert len(zones(bundle)) == 2


def test_a_launch_told_as_earlier_this_month_is_drafted_in_that_month(tmp_path):
    story = ("North Korea fires missile\n\nOctober 20, 2031\n\nNorth Korea fired a ballistic missile from the "
             "Sukchon area earlier this month, officials in Seoul said. The missile flew northeast into the East "
             "Sea.\n")
    bundle = ingest_files([written(tmp_path, "a.txt", story)])
    (event,) = bundle.events.values()
    assert [f.properties.get("place") for f in bundle.features.values() if f.kind == "launch_site"] == ["sukchon"]
    assert any("2031-10" in str(c.value) for c in event.claims if c.property == "date")


def test_a_no_launch_story_drafts_nothing_from_its_related_links(tmp_path):
    story = ("Parade in Pyongyang shows new solid-fuel missile\n\n14 March 2031, 09:10 GMT\n\n"
             "North Korea paraded a new solid-fuel intercontinental ballistic missile through Kim Il Sung Square on "
             "Thursday night, state media said. The missile has not been flight-tested. Foreign guests watched from "
             "the stand.\n\nAnalysts said a test flight could follow within months.\n\nMore on this story\n"
             "  North Korea fires ballistic missile toward East Sea        2 February 2031\n"
             "  Cruise missiles fired from Nampo, Seoul says               9 January 2031\n"
             "  Kim inspects submarine base                                 4 December 2030\n\nShare | Save\n")
    bundle = ingest_files([written(tmp_path, "parade.txt", story)])
    assert bundle.events == {}
