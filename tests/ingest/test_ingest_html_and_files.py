"""Reading articles: plain text and markdown as they are, HTML reduced to its text safely, bad files refused."""

from __future__ import annotations

import time
from datetime import date

import pytest
from launch_articles import HTML_2022

from viewer.ingest import ArticleError, read_article
from viewer.ingest.draft import draft_article
from viewer.ingest.html_text import html_to_text


def test_html_keeps_the_article_text_and_drops_scripts_styles_and_navigation():
    page = html_to_text(HTML_2022)
    assert page.title == "Missile over Japan"
    assert page.published == "2022-10-04T09:00:00+09:00"
    assert "North Korea fired a ballistic missile over Japan" in page.text
    assert "Hokkaido — the first such alert" in page.text  # &mdash; decoded
    assert "Unclosed paragraph bold italic" in page.text
    for hidden in ("alert(1)", "3:00 UTC", "color: red", "Sinpo", "Home | World"):
        assert hidden not in page.text
    assert "\n\n" in page.text  # one paragraph per block


def test_an_html_article_is_drafted_from_its_text_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_2022, encoding="utf-8")
    article = read_article(path)
    assert article.published == date(2022, 10, 4)
    assert not article.text_from_file  # citations point into the reduced text, which the bundle must carry
    found = draft_article(article)
    site = next(f for f in found.features if f.kind == "launch_site")
    assert site.place == "mupyong-ri"  # not Sohae, which only the script names
    assert found.time.isoformat() == "2022-10-04T07:22:00+09:00"  # "Tuesday" resolved against the meta date
    assert {f.label for f in found.features if f.kind == "warning_area"} == {
        "J-Alert: Aomori Prefecture", "J-Alert: Hokkaido"}


def test_hostile_html_is_reduced_as_text_and_never_interpreted():
    hostile = (
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<p>&b;&b;&b; &amp;lt;script&amp;gt; &#0; &#x110000; &#99999999999; &bogus; &lt;b&gt;</p>"
        "<script>document.write('<p>injected</p>')</script><style>@import url(http://example.invalid/x.css)</style>"
        "<img src=x onerror=alert(1)><iframe src='http://example.invalid'>inside</iframe>"
        "<p onclick='alert(1)'>visible</p><![CDATA[ cdata ]]><!-- comment -->"
    )
    text = html_to_text(hostile).text
    assert "aaaa" not in text  # a DTD's entities are never expanded
    assert "&b;" in text  # …they stay as the text they are
    assert "&lt;script&gt;" in text
    assert "<b>" in text
    for gone in ("injected", "example.invalid", "inside", "alert(1)", "comment"):
        assert gone not in text
    assert "visible" in text


@pytest.mark.slow
def test_deep_nesting_and_unclosed_tags_cost_time_in_proportion_to_size():
    nested = "<div><span>" * 50_000 + "deep text" + "<p>unclosed <b>" * 50_000
    started = time.perf_counter()
    text = html_to_text(nested).text
    assert "deep text" in text
    assert time.perf_counter() - started < 30  # a generous bound: the parser keeps no stack and never recurses


def test_entity_heavy_html():
    page = "<p>" + "&amp;&lt;&gt;&quot;&#39;&eacute;&#x4e2d;" * 20_000 + "</p>"
    text = html_to_text(page).text
    assert text == "&<>\"'é中" * 20_000


@pytest.mark.slow
def test_a_five_megabyte_page_is_read(tmp_path):
    paragraph = "<p>Filler about a football match in Pyongyang &amp; the weather.</p>\n"
    body = paragraph * (5 * 2**20 // len(paragraph) + 1)
    path = tmp_path / "big.html"
    path.write_text(f"<html><body>{body}<p>The end.</p></body></html>", encoding="utf-8")
    assert path.stat().st_size > 5 * 2**20
    article = read_article(path)
    assert article.text.endswith("The end.")
    assert draft_article(article) is None


def test_text_and_markdown_keep_their_exact_text(tmp_path):
    path = tmp_path / "note.md"
    raw = "# North Korea fires missile\n\nDate: 2023-07-12\n\nSome *markdown* text.\n"
    path.write_text(raw, encoding="utf-8")
    article = read_article(path)
    assert article.text == raw
    assert article.text_from_file
    assert article.title == "North Korea fires missile"
    assert article.published == date(2023, 7, 12)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"PK\x03\x04\x00\x00rest", r"binary\.txt: byte 4 is NUL; this is not a text file"),
        ("story.pdf", b"%PDF-1.4", r"story\.pdf: unknown kind of article"),
    ],
)
def test_unusable_files_are_refused_in_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as error:
        read_article(path)
    assert "\n" not in str(error.value)


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(ArticleError, match=r"gone\.txt: no such file"):
        read_article(tmp_path / "gone.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(21 * 2**20)  # sparse: no 21 MB written
    with pytest.raises(ArticleError, match=r"big\.txt: 21\.0 MiB is over the 20 MiB limit"):
        read_article(big)


def test_text_that_is_not_utf8_is_read_and_carried_inline(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("North Korea fired a missile from Sinp\xf4 \x96 officials said.".encode("latin-1"))
    article = read_article(path)
    assert "Sinpô \u2013 officials" in article.text
    assert not article.text_from_file


def test_schema_org_date_published_in_json_ld_is_read_as_data_only():
    from viewer.ingest.html_text import html_to_text

    page = html_to_text('<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                        '"datePublished": "2024-05-28T14:02:00+09:00"}]}</script><script>alert(1)</script></head>'
                        "<body><p>North Korea fired a rocket.</p></body></html>")
    assert page.published == "2024-05-28T14:02:00+09:00"
    assert page.text == "North Korea fired a rocket."
    assert html_to_text('<script type="application/ld+json">{"datePublished": </script><p>x</p>').published is None


@pytest.mark.parametrize(
    "meta",
    ['<meta name="pubdate" content="20230824">', '<meta name="DC.date.issued" content="2023-08-24">',
     '<meta name="article.published" content="2023-08-24T08:00:00Z">'],
)
def test_more_published_metadata(meta):
    from datetime import date
    from pathlib import Path

    from viewer.ingest.article import article_from_bytes

    html = (f"<html><head><title>Launch</title>{meta}</head><body><p>North Korea launched a rocket from Sohae at "
            "3:50 a.m. on Thursday, South Korea said.</p></body></html>")
    assert article_from_bytes(html.encode(), Path("p.html"), "p").published == date(2023, 8, 24)
