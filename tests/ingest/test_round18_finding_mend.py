"""Issue 17, round 18: text as tools hand it over — PDF columns run side by side, words hyphenated over a line end,
page furniture between a sentence's halves, OCR's rn/m, 0/O and l/1 — mended once before every finder
(viewer/ingest/mend.py), citations still pointing into the original text. Every text here was written for the
test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from viewer.ingest.article import article_from_bytes
from viewer.ingest.draft import draft_document
from viewer.ingest.mend import mend


def _read(text: str):
    return article_from_bytes(text.encode("utf-8"), Path("clipping.txt"), "doc-clipping")


COLUMNS = (
    "THE HARBOUR GAZETTE              TUESDAY, MARCH 4, 2031              B2\n"
    "\n"
    "SEOUL -- North Korea launched a          the exclusive economic zone of Japan,\n"
    "ballistic missile on Monday from         according to officials in Tokyo.\n"
    "the Sinpo area, South Korea's Joint        Officials in Seoul said the missile\n"
    "Chiefs of Staff said. The missile        reached an altitude of about 50 km\n"
    "flew some 600 km and came down out-      and that the launch was the second\n"
    "side                                     this year.\n"
)


def test_two_columns_are_read_one_after_the_other_and_their_lines_run_on():
    mended = mend(COLUMNS)
    assert "launched a ballistic missile on Monday from the Sinpo area" in mended.text
    assert "came down outside the exclusive economic zone" in mended.text
    assert mended.text.index("Chiefs of Staff said") < mended.text.index("according to officials in Tokyo")


def test_a_mended_span_points_into_the_original_text():
    mended = mend(COLUMNS)
    start = mended.text.index("Sinpo")
    original = mended.span(start, start + len("Sinpo"))
    assert COLUMNS[original[0] : original[1]] == "Sinpo"
    assert mend("Nothing to mend here.").origin is None


def test_a_launch_in_columns_is_drafted_and_cited_in_the_file_s_own_text():
    article = _read(COLUMNS)
    draft = draft_document(article)
    assert draft is not None
    assert draft.date == date(2031, 3, 3)
    site = draft.first("launch_site")
    assert site is not None
    assert site.place == "sinpo"
    assert all("Sinpo" in COLUMNS[s:e] or "launched" in COLUMNS[s:e] for s, e in site.spans)


def test_a_table_of_headlines_and_dates_is_not_two_columns():
    text = (
        "Related coverage\n"
        "  Ships leave the harbour for the winter                    3 January 2031\n"
        "  The ministry names a new spokesman                        9 February 2031\n"
        "  Fishing season opens early on the east coast              2 March 2031\n"
    )
    assert mend(text).text == text


def test_a_word_hyphenated_over_a_line_end_is_whole_again_and_a_compound_keeps_its_hyphen():
    text = (
        "The rocket was laun-\nched from the coast on a short-\nrange path at dawn, officials said in a state-\nment."
    )
    mended = mend(text).text
    assert "rocket was launched from" in mended
    assert "short-range path" in mended
    assert "a statement." in mended
    assert mend("Flight of the Hwasong-\n21 was reported.").text == "Flight of the Hwasong-\n21 was reported."


def test_page_furniture_between_a_sentence_s_halves_is_passed_over():
    text = (
        "The missile was fired from the Kusong area and flew for about forty\n"
        "\n"
        "- 12 -\n"
        "\n"
        "[Figure 3: The launch pad before and after, imagery of 2 May.]\n"
        "\n"
        "minutes before falling into the sea.\n\nA new paragraph starts here.\n\nPage 2 of 4\n\nAnother one."
    )
    mended = mend(text).text
    assert "flew for about forty minutes before falling" in mended
    assert "A new paragraph starts here.\n\nPage 2 of 4\n\nAnother one." in mended  # a paragraph's break stays


def test_ocr_confusions_are_read_as_a_reader_reads_them():
    text = (
        "Pub1ished Septernber 9, 2031. N0rth Korea fired a rnissile frorn the coast , "
        "the rninistry said. The missile flew 2,2OO km. It is the 1st such test since heldout10 began."
    )
    mended = mend(text).text
    assert "September 9, 2031" in mended
    assert "North Korea fired a missile from the coast, the ministry said" in mended
    assert "flew 2,200 km" in mended
    assert "the 1st such test since heldout10" in mended  # an ordinal and a name's number stay
    assert mend("The government was returning to Pyongyang.").text == "The government was returning to Pyongyang."


def test_an_ocr_clipping_gives_its_date_and_launch():
    text = (
        "Harbour Evening Post        Tuesday, Septernber 16, 2031        A4\n\n"
        "TOKYO - North Korea fired a ballistic missile over northern Japan early on Monday , the\n"
        "government said. The rnissile was launched at 6:57 a.m. frorn Sunan and flew over Hokkaido.\n"
    )
    article = _read(text)
    assert article.published == date(2031, 9, 16)
    assert article.text == text  # the file's own text, which citations point into
    draft = draft_document(article)
    assert draft is not None
    assert draft.date == date(2031, 9, 15)
    for feature in draft.features:
        for start, end in feature.spans:
            assert 0 <= start < end <= len(text)
