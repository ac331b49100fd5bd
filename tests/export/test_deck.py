"""The briefing deck's content and its PPTX and PDF files, read back with python-pptx and poppler."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from viewer.cli.common import load_workspace
from viewer.export import write_deck
from viewer.export.deck import build_deck
from viewer.export.slides import MAP_BOX, SLIDE_HEIGHT_IN, SLIDE_WIDTH_IN, MapShot
from viewer.io.progress import Cancelled
from viewer.model.bookmark import Bookmark

NEEDS_POPPLER = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (./dev installs it) is missing")


def plain_png(shot: MapShot) -> bytes:
    """A real PNG of the size asked for; the map itself is checked in test_brief_cli with the real renderer."""
    data = io.BytesIO()
    Image.new("RGB", (shot.width, shot.height), (201, 221, 235)).save(data, "PNG")
    return data.getvalue()


@pytest.fixture(scope="module")
def sample():
    return load_workspace([]).content


@pytest.fixture(scope="module")
def deck(sample):
    return build_deck(sample, [], plain_png, slide_pixels=960)


def texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_without_bookmarks_a_slide_per_launch_between_title_and_sources(deck, sample):
    kinds = [s.kind for s in deck.slides]
    assert kinds == ["title", "view", "view", "view", "view", "sources"]
    assert [s.title for s in deck.view_slides] == [e.name for e in sample.events_in_time_order()]
    assert all(s.image for s in deck.view_slides)
    shot = deck.view_slides[0].shot
    assert (shot.width, shot.height) == (round(MAP_BOX[2] * 960 / SLIDE_WIDTH_IN),
                                         round(MAP_BOX[3] * 960 / SLIDE_WIDTH_IN))


def test_key_facts_quotes_confidence_and_disagreements(deck):
    kms4, _, august, november = deck.view_slides
    facts = dict(november.facts)
    assert facts["Time"] == "2023-11-21 13:42 UTC (22:42 UTC+09:00)"
    # The bundle gives times at UTC+09:00 (Seoul and Tokyo time, as reported); on 7 Feb 2016 Pyongyang kept UTC+08:30
    # (Pyongyang Time, 15 Aug 2015 to 4 May 2018: the IANA time zone database, Asia/Pyongyang), so '09:30 local'
    # was half an hour off: the offset is given, never called local.
    assert dict(kms4.facts)["Time"] == "2016-02-07 00:30 UTC (09:30 UTC+09:00)"
    assert facts["Vehicle"] == "Chollima-1"
    assert facts["Outcome"] == "orbit"
    assert "Sohae" in facts["Site"]
    assert november.quotes[0].text == "successfully launched a satellite into orbit"
    assert november.quotes[0].by == "North Korea (per article)"
    assert "success per the article" in dict(august.facts)["Sources differ on outcome"]
    assert "Approximate positions: warning area, impact point" in kms4.confidence
    assert "Derived (constructed): flight path, overflight" in kms4.confidence
    # overlapping citations of one passage become one quote
    assert [q.text for q in kms4.quotes].count("polar orbit of earth every 94 minutes") == 1
    assert not any(q.text == "every 94 minutes" for q in kms4.quotes)


def test_footnotes_number_documents_the_same_way_on_every_slide(deck, sample):
    numbers = {}
    for slide in deck.view_slides:
        for quote in slide.quotes:
            assert numbers.setdefault(quote.document, quote.footnote) == quote.footnote
        assert {q.footnote for q in slide.quotes} == {f.number for f in slide.footnotes}
    sources = [s for s in deck.slides if s.kind == "sources"]
    listed = "\n".join(line for s in sources for line in s.lines)
    for document_id, number in numbers.items():
        assert f"[{number}] “{sample.documents[document_id].title}”" in listed


def test_bookmarks_make_one_slide_each_in_their_order(sample):
    marks = [Bookmark.framing("All four launches", (115.0, 8.0, 145.0, 42.0)),
             Bookmark.framing("Sohae", (124.0, 39.0, 125.5, 40.3), selection=("2016-02-07-kms4/launch-site",))]
    deck = build_deck(sample, marks, plain_png, slide_pixels=960)
    assert [s.title for s in deck.slides] == [deck.title, "All four launches", "Sohae", "Sources"]
    overview, sohae = deck.view_slides
    assert overview.subtitle == "4 launches"
    assert len(overview.facts) == 4
    assert sohae.quotes[0].supports.startswith("Sohae")  # the selection's passages come first
    assert sohae.shot.view is marks[1]


def test_pptx_structure(deck, tmp_path):
    path = tmp_path / "deck.pptx"
    write_deck(deck, path)
    pptx = Presentation(str(path))
    assert (Emu(pptx.slide_width).inches, Emu(pptx.slide_height).inches) == pytest.approx(
        (SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN), abs=0.01)
    slides = list(pptx.slides)
    assert len(slides) == 6
    assert slides[0].shapes.title.text_frame.text == deck.title
    for slide, content in zip(slides[1:5], deck.view_slides, strict=True):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert Emu(pictures[0].width).inches == pytest.approx(MAP_BOX[2], abs=0.01)
        text = texts(slide)
        assert slide.shapes.title.text_frame.text.startswith(content.title)
        for quote in content.quotes[:2]:
            assert f"“{quote.text}”" in text
        for footnote in content.footnotes:
            assert f"[{footnote.number}] {footnote.text}" in text
        assert "Confidence" in text
        assert "How each feature was placed" in slide.notes_slide.notes_text_frame.text
    sources = texts(slides[5])
    assert "Sources" in sources
    assert "North Korea launches Kwangmyongsong-4 rocket" in sources
    assert "Natural Earth" in sources


@NEEDS_POPPLER
def test_pdf_has_a_16_by_9_page_per_slide_and_the_quotes_as_text(deck, tmp_path):
    path = tmp_path / "deck.pdf"
    write_deck(deck, path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert int(fields["Pages"]) == len(deck.slides) == 6
    width, _, height = fields["Page size"].split()[:3]
    assert float(width) / float(height) == pytest.approx(16 / 9, abs=0.01)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    assert "successfully launched a satellite into orbit" in pages[4]
    assert "[3] “North Korea launches rocket believed to carry a spy satellite" in pages[4]
    assert "Sources" in pages[5]
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    pages_with_images = {int(line.split()[0]) for line in images.splitlines()[2:]}
    assert pages_with_images == {1, 2, 3, 4, 5}  # the title's overview and every launch's map


@NEEDS_POPPLER
def test_quoted_text_is_shown_never_interpreted(make_bundle, tmp_path):
    article = 'Officials said <b>"three & a half"</b> stages <font size=99>fell</font> into the sea.\n'
    data = _one_event_bundle(article)
    workspace = load_workspace([str(make_bundle(data, article=article))])
    deck = build_deck(workspace.content, [], plain_png, slide_pixels=960)
    assert deck.view_slides[0].quotes[0].text == article.strip()
    write_deck(deck, tmp_path / "deck.pdf")
    write_deck(deck, tmp_path / "deck.pptx")
    pdf_text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
    assert '<b>"three & a half"</b>' in " ".join(pdf_text.split())
    pptx_text = texts(Presentation(str(tmp_path / "deck.pptx")).slides[1])
    assert '“Officials said <b>"three & a half"</b> stages <font size=99>fell</font> into the sea.”' in pptx_text


def test_progress_can_cancel_before_anything_is_written(sample, tmp_path):
    seen = []

    def progress(done, total, what):
        seen.append((done, total))
        if done >= 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        build_deck(sample, [], plain_png, progress=progress)
    assert seen == [(0, 5), (1, 5), (2, 5)]


def test_an_unknown_suffix_is_refused(deck, tmp_path):
    with pytest.raises(ValueError, match=r"deck\.key: a deck is written as \.pptx or \.pdf"):
        write_deck(deck, tmp_path / "deck.key")
    assert not (tmp_path / "deck.key").exists()


def _one_event_bundle(article: str) -> dict:
    """One launch whose site cites the whole article (built here: `conftest` by name may be another folder's)."""
    exact = article.strip()
    citation = {"document": "doc-a", "start": 0, "end": len(exact), "exact": exact}
    site = {"type": "Feature", "id": "site", "geometry": {"type": "Point", "coordinates": [124.705, 39.66]},
            "properties": {"event": "ev-1", "kind": "launch_site", "label": "Sohae", "certainty": "reported",
                           "citations": [citation]}}
    return {"type": "FeatureCollection", "launchmap": {"version": 1},
            "documents": [{"id": "doc-a", "title": "Test article", "path": "article.txt"}],
            "events": [{"id": "ev-1", "name": "Test launch", "time": "2016-02-07T00:30:00Z", "site": "site"}],
            "features": [site]}


@NEEDS_POPPLER
def test_cjk_names_are_set_in_a_font_that_has_them(make_bundle, tmp_path):
    """DejaVu has no kanji or hangul: a satellite's Japanese or Korean name must not come out as empty boxes."""
    article = "North Korea said the satellite 万里鏡1号 (만리경-1호) reached orbit.\n"
    workspace = load_workspace([str(make_bundle(_one_event_bundle(article), article=article))])
    deck = build_deck(workspace.content, [], plain_png, slide_pixels=960)
    write_deck(deck, tmp_path / "deck.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "万里鏡1号" in text
    assert "만리경-1호" in text  # which font sets them (an installed one, else the reader's): test_deck_fonts


def test_features_of_other_files_are_not_counted_as_reported(tmp_path):
    """With a plain GeoJSON of lines open beside the sample, the 31 May 2023 slide read 'Approximate positions:
    3 danger zones, … launch site. 3 features as reported.': the three lines, which state no certainty and cite
    nothing, were counted as placed where the sources put them."""
    import json

    from viewer.resources import sample_bundle

    lines = tmp_path / "shipping.geojson"
    lines.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f"lane {i}"},
         "geometry": {"type": "LineString", "coordinates": [[124.0 + i, 37.0], [129.0 + i, 31.0]]}}
        for i in range(3)]}))
    workspace = load_workspace([])
    plain = build_deck(workspace.content, [], plain_png, slide_pixels=960)
    workspace = load_workspace([str(sample_bundle()), str(lines)])
    with_lines = build_deck(workspace.content, [], plain_png, slide_pixels=960)
    for alone, beside in zip(plain.view_slides, with_lines.view_slides, strict=True):
        # named as the legend names their layer ('of other files' told an audience nothing)
        assert beside.confidence == alone.confidence + " 3 features from shipping state no certainty."
    may = with_lines.view_slides[1].confidence
    assert "features as reported" not in may  # every feature of that launch is approximate


def test_counts_in_the_confidence_line_are_written_with_thousands_separators():
    """With 5,000 points of another file open, presentation mode read '5015 features of other files'."""
    from shapely.geometry import Point

    from viewer.export.deck_facts import confidence_line
    from viewer.model.feature import Feature

    points = [Feature(f"p{i}", Point(130.0, 30.0), {"name": f"P{i}"}) for i in range(5015)]
    assert confidence_line(points) == "Confidence — 5,015 features of other files state no certainty."


def test_the_confidence_line_names_the_layers_that_state_no_certainty():
    from shapely.geometry import Point

    from viewer.export.deck_facts import confidence_line
    from viewer.model.feature import Feature

    def layer(name, count):
        return [Feature(f"{name}{i}", Point(130.0, 30.0), {"name": "x"}, layer=name) for i in range(count)]

    assert confidence_line(layer("tracks", 3) + layer("sensors", 1)) == \
        "Confidence — 4 features from tracks and sensors state no certainty."
    assert confidence_line(layer("a", 1)) == "Confidence — 1 feature from a states no certainty."
    many = layer("a", 1) + layer("b", 1) + layer("c", 1) + layer("d", 2)
    assert confidence_line(many) == "Confidence — 5 features from a, b and 2 other layers state no certainty."


def test_a_single_feature_is_counted_with_its_number():
    """A draft's slide read 'Confidence — Approximate positions: flight path. feature as reported.': a kind is named
    without the 1 ('flight path'), but 'feature' on its own is no sentence."""
    from shapely.geometry import LineString, Point

    from viewer.export.deck_facts import confidence_line
    from viewer.model.feature import Feature

    site = Feature("s", Point(124.7, 39.7), {"kind": "launch_site", "certainty": "reported"})
    path = Feature("p", LineString([(124.7, 39.7), (124.7, 38.0)]), {"kind": "flight_path", "certainty": "approximate"})
    assert confidence_line([site, path]) == "Confidence — Approximate positions: flight path. 1 feature as reported."


def test_a_claimed_time_reads_as_a_time_not_as_iso_8601():
    """The deck's first launch slide said '¶4 · time: 2016-02-06T19:29:00-05:00 · a US official, via ABC News'."""
    from viewer.export.deck_facts import claim_value

    assert claim_value("2016-02-06T19:29:00-05:00") == "2016-02-06 19:29 UTC-05:00"
    assert claim_value("2023-11-21T13:42:00Z") == "2023-11-21 13:42 UTC"
    assert claim_value("2023-05") == "2023-05"  # a month, as the article says it
    assert claim_value("orbit") == "orbit"
    assert claim_value(94) == "94"
    sample = load_workspace([]).content
    deck = build_deck(sample, [])
    metas = [q.supports for s in deck.view_slides for q in s.quotes]
    assert not any("T19:29:00" in m for m in metas), metas
