"""Korean and Japanese text in the deck: set in an installed font that has the letters (embedded in the PDF), and
one warning line naming the slide and what to install when no installed font has them.

The installed fonts are what fontconfig lists; each test gives fontconfig its own folder (FONTCONFIG_FILE), holding
a small TrueType font made here with the letters the test needs, or nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.export.test_deck import _one_event_bundle, plain_png
from viewer.cli.common import load_workspace
from viewer.export import deck_fonts, pdf_deck, write_deck
from viewer.export.deck import build_deck

pytestmark = pytest.mark.skipif(not (shutil.which("fc-list") and shutil.which("pdffonts")),
                                reason="fontconfig's fc-list and poppler-utils (./dev installs them) are missing")

ARTICLE = "North Korea said the satellite 万里鏡1号 (만리경-1호) reached orbit.\n"
HANGUL, KANJI = "만리경호", "万里鏡号"


def make_font(path, letters: str, family: str) -> None:
    """A TrueType font (glyf outlines, as reportlab embeds) whose every letter is a filled square."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = [".notdef", *(f"uni{ord(c):04X}" for c in letters)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in letters})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((800, 700))
        pen.lineTo((800, 0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (900, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular", "psName": family.replace(" ", "")})
    builder.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))


@pytest.fixture
def fonts_folder(tmp_path, monkeypatch):
    """fontconfig reading only a fresh folder, which the test fills; the font caches forgotten before and after."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{folder}</dir><cachedir>{tmp_path / "cache"}</cachedir>'
                    "</fontconfig>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))

    def forget():
        deck_fonts.installed_fonts.cache_clear()
        pdf_deck.run_font.cache_clear()

    forget()
    yield folder
    forget()


def _deck(make_bundle):
    data = _one_event_bundle(ARTICLE)
    data["events"][0]["name"] = "만리경-1호 launch"
    workspace = load_workspace([str(make_bundle(data, article=ARTICLE))])
    return build_deck(workspace.content, [], plain_png, slide_pixels=960)


def _pdf(path, tool: str) -> str:
    return subprocess.run([tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)], capture_output=True,
                          text=True, check=True).stdout


def test_an_installed_font_with_the_letters_is_embedded(fonts_folder, make_bundle, tmp_path):
    pytest.importorskip("fontTools")
    make_font(fonts_folder / "cjk.ttf", HANGUL + KANJI, "Test CJK")
    deck = _deck(make_bundle)
    write_deck(deck, tmp_path / "deck.pdf")
    fonts = _pdf(tmp_path / "deck.pdf", "pdffonts")
    embedded = [line for line in fonts.splitlines() if "TestCJK" in line]
    assert embedded
    assert all(line.split()[-5] == "yes" for line in embedded)  # the emb column: the PDF carries the letters
    assert "HYGothic-Medium" not in fonts
    assert "HeiseiKakuGo-W5" not in fonts
    text = _pdf(tmp_path / "deck.pdf", "pdftotext")
    assert "万里鏡1号" in text
    assert "만리경-1호" in text
    assert deck_fonts.missing_font_warning(deck, "deck.pdf") is None


def test_without_a_font_with_the_letters_one_line_names_the_slides_and_what_to_install(fonts_folder, make_bundle,
                                                                                       tmp_path):
    pytest.importorskip("fontTools")
    make_font(fonts_folder / "kanji.ttf", KANJI, "Kanji Only")  # has the Japanese, not the Korean
    deck = _deck(make_bundle)
    write_deck(deck, tmp_path / "deck.pdf")
    fonts = _pdf(tmp_path / "deck.pdf", "pdffonts")
    assert "HYGothic-Medium" in fonts  # the reader's own Korean font: the best left, and the text stays text
    assert "KanjiOnly" in fonts
    warning = deck_fonts.missing_font_warning(deck, "deck.pdf")
    assert warning is not None
    assert "\n" not in warning
    assert warning.startswith("deck.pdf:slides 1 (만리경-1호 launch, 2016-02-07), 2 (만리경-1호 launch): ")
    assert "the Korean text there" in warning
    assert "Japanese" not in warning
    assert "the maps and the PDF show them as boxes; install fonts-wqy-microhei" in warning
    pptx = deck_fonts.missing_font_warning(deck, "deck.pptx")
    assert pptx is not None
    assert "so the maps show them as boxes" in pptx  # PowerPoint sets the slides' text in its own fonts


def test_a_deck_in_latin_letters_warns_of_nothing(fonts_folder, make_bundle):
    data = _one_event_bundle("The satellite reached orbit.\n")
    workspace = load_workspace([str(make_bundle(data, article="The satellite reached orbit.\n"))])
    deck = build_deck(workspace.content, [], plain_png, slide_pixels=960)
    assert deck_fonts.missing_font_warning(deck, "deck.pdf") is None


def test_fontconfig_lists_letters_as_ranges():
    font = deck_fonts._font("/f/a.ttc\t1\tA Family\t20-7e a0 ac00-d7a3\n".rstrip("\n"))
    assert font is not None
    assert (font.path, font.index, font.family) == ("/f/a.ttc", 1, "A Family")
    assert font.has("Ab 만리경")
    assert font.has("\xa0")
    assert not font.has("万")
    assert not font.has("\x1f")
    assert deck_fonts._font("garbage") is None


@pytest.mark.gui
def test_brief_writes_the_deck_and_prints_the_one_line(make_bundle, tmp_path, monkeypatch, capsys):
    from viewer import cli

    latin_only = (deck_fonts.FontFile("/fonts/latin.ttf", 0, "Latin", ((0x20, 0x7E), (0xA0, 0x17F))),)
    monkeypatch.setattr(deck_fonts, "installed_fonts", lambda: latin_only)
    data = _one_event_bundle(ARTICLE)
    data["events"][0]["name"] = "만리경-1호 launch"
    out = tmp_path / "deck.pptx"
    assert cli.main(["brief", str(make_bundle(data, article=ARTICLE)), "-o", str(out), "--resolution", "640"]) == 0
    assert out.is_file()
    captured = capsys.readouterr()
    assert captured.out == f"wrote {out} (3 slides)\n"
    [line] = captured.err.splitlines()
    assert line.startswith(f"{out}:slides 1 (만리경-1호 launch, 2016-02-07), 2 (만리경-1호 launch): ")
    assert "Korean and Japanese or Chinese text" in line
