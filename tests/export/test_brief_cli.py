"""`launchmap brief`: real maps rendered offscreen into PPTX and PDF decks; bad input is one line and exit 1."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from viewer import cli
from viewer.io.session import Session, save_session
from viewer.model.bookmark import Bookmark
from viewer.resources import sample_bundle
from viewer.symbology import EVENT_COLOURS, SEA

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def pptx_deck(tmp_path_factory, qapp):
    path = tmp_path_factory.mktemp("brief") / "deck.pptx"
    assert cli.main(["brief", "-o", str(path), "--resolution", "1280"]) == 0
    return path


def near(pixel, hex_colour: str, tolerance: int = 40) -> bool:
    want = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], want, strict=True))


def test_every_launch_slide_has_its_map_rendered(pptx_deck):
    slides = list(Presentation(str(pptx_deck)).slides)
    assert len(slides) == 6
    for number, slide in enumerate(slides[1:5]):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        image = Image.open(io.BytesIO(pictures[0].image.blob)).convert("RGB")
        assert image.size == (round(6.7 * 1280 / 13.333), round(5.0 * 1280 / 13.333))
        colours = image.getcolors(image.width * image.height)
        sea = sum(count for count, pixel in colours if near(pixel, SEA, 6))
        # the map, not a blank picture (the legend's column beside the map takes a third of it, and a launch's
        # frame shows as much land as sea: 2016's is about a fifth sea)
        assert sea > 0.15 * image.width * image.height
        launch = sum(count for count, pixel in colours if near(pixel, EVENT_COLOURS[number]))
        assert launch > 50, f"slide {number + 2}: the launch's colour is not drawn"


def test_a_session_gives_one_slide_per_bookmark(tmp_path):
    session = tmp_path / "brief.lmsession"
    save_session(Session(bundles=[sample_bundle()], bookmarks=[
        Bookmark.framing("The region", (115.0, 10.0, 145.0, 43.0)),
        Bookmark.framing("Sohae", (124.2, 39.4, 125.2, 39.9), events=("2016-02-07-kms4",))]), session)
    out = tmp_path / "deck.pdf"
    assert cli.main(["brief", "--session", str(session), "-o", str(out), "--resolution", "800",
                     "--title", "Sohae briefing"]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        pages = text.split("\f")
        assert "Sohae briefing" in pages[0]
        assert "The region" in pages[1]
        assert "Kwangmyongsong-4" in pages[2]
        assert len([p for p in pages if p.strip()]) == 4


@pytest.mark.parametrize(("argv", "message"), [
    (["-o", "deck.key"], "deck.key: a deck is written as .pptx or .pdf, not .key"),
    (["-o", "deck.pdf", "--resolution", "100"], "--resolution 100: must be between 640 and 7680 pixels"),
    (["-o", "deck.pdf", "--crs", "EPSG:99999999"], "--crs: unknown projection"),
    (["-o", "deck.pdf", "--session", "missing.lmsession"], "missing.lmsession: cannot read"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["brief", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"launchmap: {message}"), err
    assert err.count("\n") == 1
    assert not (tmp_path / "deck.pdf").exists()


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice Impress is not installed")
def test_libreoffice_impress_opens_the_pptx(pptx_deck, tmp_path):
    result = subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(pptx_deck)],
                            capture_output=True, text=True, timeout=180, check=False)
    converted = tmp_path / "deck.pdf"
    assert converted.is_file(), result.stderr
    info = subprocess.run(["pdfinfo", str(converted)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           6" in info


def test_a_session_given_as_a_file_is_briefed_as_a_session(tmp_path, capsys):
    """`launchmap brief work.lmsession -o deck.pdf` — as the window opens a session given as FILE — failed with
    'work.lmsession:type: not a GeoJSON FeatureCollection (found None)'. The session's bundles and bookmarks make
    the deck, as with --session; `export` and `convert` say what to do with a session instead of misreading it."""
    session = tmp_path / "work.lmsession"
    save_session(Session(bundles=[sample_bundle()], bookmarks=[
        Bookmark.framing("The region", (115.0, 10.0, 145.0, 43.0))]), session)
    out = tmp_path / "deck.pptx"
    assert cli.main(["brief", str(session), "-o", str(out), "--resolution", "800"]) == 0
    slides = list(Presentation(str(out)).slides)
    assert len(slides) == 3  # title, the one bookmark, sources
    assert cli.main(["brief", str(session), "--session", str(session), "-o", str(out)]) == 1
    assert "one session" in capsys.readouterr().err
    png = tmp_path / "map.png"
    assert cli.main(["export", str(session), "-o", str(png)]) == 1
    err = capsys.readouterr().err
    assert err == (f"launchmap: {session}: a session, not geodata: brief it with `launchmap brief --session`, or "
                   "open it in the window\n")
    assert not png.exists()
