"""The bundle's reference 'sources' and a document's 'url': read as given, type-checked, written back."""

from __future__ import annotations

import json

import pytest
from shared_data import small_bundle

from viewer.io.bundle.reader import read_bundle
from viewer.io.bundle.writer import bundle_to_dict
from viewer.model.problem import BundleError
from viewer.model.sources import document_url, sources_in

SOURCES = [{"id": "jt", "publisher": "The Japan Times", "published": "2016-02-07", "url": "https://example.org/jt"}]


def with_sources(make_bundle, sources, url):
    data = small_bundle()
    data["sources"] = sources
    data["documents"][0]["url"] = url
    data["features"][0]["properties"]["sources"] = ["jt"]
    return make_bundle(data)


def test_sources_and_urls_are_read_and_written_back(make_bundle):
    bundle, problems = read_bundle(with_sources(make_bundle, SOURCES, "https://example.org/a"))
    assert not [p for p in problems if "sources" in p.where or "url" in p.where]
    assert sources_in([bundle])["jt"].short == "The Japan Times, 7 Feb 2016"
    assert document_url(bundle.documents["doc-a"]) == "https://example.org/a"
    written = json.loads(json.dumps(bundle_to_dict(bundle)))
    assert written["sources"] == SOURCES
    assert written["documents"][0]["url"] == "https://example.org/a"


@pytest.mark.parametrize(("sources", "url", "where", "message"), [
    ([{"publisher": "No id"}], None, "sources[0]", "missing member 'id'"),
    ([{"id": "x", "url": 5}], None, "sources[0].url", "must be a string"),
    ([], ["https://example.org"], "documents[0].url", "must be a string"),
])
def test_malformed_source_members_are_named_by_place(make_bundle, sources, url, where, message):
    with pytest.raises(BundleError) as caught:
        read_bundle(with_sources(make_bundle, sources, url))
    assert any(p.where == where and message in p.message for p in caught.value.problems)
