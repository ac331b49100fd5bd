"""Sources named as a reader cites them: articles by title, publisher and date, reference pages in full."""

from __future__ import annotations

import pytest

from viewer.cli.common import load_workspace
from viewer.model.document import Document
from viewer.model.sources import Source, document_citation, document_date, named_sources, readable_date, sources_in


@pytest.fixture(scope="module")
def workspace():
    return load_workspace([])


def test_reference_pages_are_cited_with_publisher_title_date_and_url(workspace):
    sources = sources_in(workspace.bundles)
    assert sources["wikipedia-kms4"].full == (
        "Wikipedia, “Kwangmyŏngsŏng-4”, https://en.wikipedia.org/wiki/Kwangmy%C5%8Fngs%C5%8Fng-4")
    assert sources["japantimes-2016-02-07"].short == "The Japan Times, 7 Feb 2016"
    assert sources["wikipedia-sohae"].short == "Wikipedia, “Sohae Satellite Launching Station”"


def test_an_unlisted_source_id_is_kept_not_dropped():
    assert named_sources(["a", "b", "a", 3], {"a": Source("a", "Publisher A")}) == [
        Source("a", "Publisher A"), Source("b")]
    assert named_sources(None, {}) == []


def test_articles_say_their_date_or_which_launch_they_report(workspace):
    content = workspace.content
    assert document_date(content, content.documents["doc-002"]) == "15 Nov 2023"
    assert document_date(content, content.documents["doc-000"]) == "date unknown (reports the launch of 7 Feb 2016)"
    assert document_citation(content, content.documents["doc-001"]) == (
        "“North Korea launches rocket believed to carry a spy satellite; Okinawa warned”, "
        "date unknown (reports the launch of 21 Nov 2023)")
    for document in content.documents.values():
        cited = document_citation(content, document)
        assert "articles/" not in cited
        assert "not given" not in cited


def test_an_article_reporting_nothing_dated_is_date_unknown(workspace):
    lone = Document("x", title="T", publisher="Kyodo", extra={"url": "https://example.org/a"})
    assert document_citation(workspace.content, lone) == "“T”, Kyodo, date unknown, https://example.org/a"


@pytest.mark.parametrize(("text", "shown"), [("2016-02-07", "7 Feb 2016"), ("2023-10", "Oct 2023"),
                                             ("2016", "2016"), ("2023-13", "2023-13"), ("soon", "soon")])
def test_readable_dates(text, shown):
    assert readable_date(text) == shown
