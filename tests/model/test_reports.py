"""Who says so, without Qt: "reported by" lists, claims side by side, and where citations fall in a text."""

from __future__ import annotations

import json

import pytest

from viewer.io.bundle.reader import read_bundle
from viewer.model.marks import mark_at, marks_in, orphans_in, passage_features
from viewer.model.reports import claim_groups, current_index, disagreements_for, reported_by, reports_for
from viewer.model.selection import Passage
from viewer.resources import sample_bundle

SITE_2016 = "2016-02-07-kms4/launch-site"
SITE_AUG = "2023-08-24-chollima1/launch-site"
WARNING_AUG = "2023-08-24-chollima1/warning-area"


@pytest.fixture
def small(make_bundle):
    """The shared small bundle as a dict, and its article's text, to vary per test."""
    path = make_bundle()
    return json.loads(path.read_text(encoding="utf-8")), (path.parent / "article.txt").read_text(encoding="utf-8")


def cite(text: str, exact: str) -> dict:
    start = text.index(exact)
    return {"document": "doc-a", "start": start, "end": start + len(exact), "exact": exact,
            "prefix": text[max(0, start - 32):start], "suffix": text[start + len(exact):start + len(exact) + 32]}


@pytest.fixture(scope="module")
def sample():
    bundle, _ = read_bundle(sample_bundle())
    return bundle


def test_the_2016_launch_site_is_reported_by_article_000_paragraph_4(sample):
    (only,) = reports_for(sample, SITE_2016)
    assert only.document == "doc-000"
    assert only.title == sample.documents["doc-000"].title
    assert only.citation.exact == "launched from western North Korea"
    assert only.paragraph == 4  # the fourth run of non-blank lines of the article
    assert only.passage == Passage("doc-000", only.citation.start, only.citation.end)
    assert only.place == f"{only.title}, paragraph 4"


def test_reports_are_in_reading_order_once_each_with_orphans_last(make_bundle, small):
    data, article = small
    site = data["features"][0]["properties"]
    site["citations"] = [
        cite(article, "passed over Okinawa"),
        {"document": "doc-a", "start": 0, "end": 5, "exact": "no such words", "prefix": "", "suffix": ""},
        cite(article, "the Sohae station"),
    ]
    # a claim citing a passage the feature already cites adds no second entry
    site["claims"] = [{"property": "site", "value": "Sohae", "by": "test",
                       "citations": [cite(article, "the Sohae station")]}]
    bundle, _ = read_bundle(make_bundle(data))
    reports = reports_for(bundle, "f-site")
    assert [r.citation.exact for r in reports] == ["the Sohae station", "passed over Okinawa", "no such words"]
    assert [r.paragraph for r in reports] == [1, 2, 0]
    assert reports[-1].orphaned
    assert reports[-1].passage is None
    assert reports[-1].place == "Test article (quote not found)"


def test_reported_by_names_each_document_once_with_its_paragraphs(make_bundle, small):
    data, article = small
    data["features"][0]["properties"]["citations"].append(cite(article, "passed over Okinawa"))
    bundle, _ = read_bundle(make_bundle(data))
    assert reported_by(reports_for(bundle, "f-site")) == "Test article ¶1, ¶2"


def test_reported_by_shortens_long_titles(sample):
    line = reported_by(reports_for(sample, WARNING_AUG), title_chars=20)
    assert line == "North Korea's… ¶2"  # cut at a word


def test_current_index_follows_the_passage_in_focus(sample):
    reports = reports_for(sample, WARNING_AUG)
    assert len(reports) == 3
    assert current_index(reports, None) == 0
    assert current_index(reports, reports[2].passage) == 2
    assert current_index(reports, Passage("doc-000", 0, 4)) == -1  # not one of this feature's passages


def test_the_august_2023_outcome_disagreement_keeps_both_claims(sample):
    groups = {(g.subject, g.property): g for g in disagreements_for(sample, SITE_AUG)}
    outcome = groups[("event", "outcome")]
    assert [c.value for c in outcome.claims] == ["success", "failure"]
    assert outcome.claims[0].citations[0].document == "doc-002"
    assert outcome.claims[1].reference == "Arab News Japan; Britain Herald"  # named as a reader cites them
    assert outcome.claims[1].extra["sources"] == ["arabnews-jp-101937", "britainherald-chollima"]
    assert ("event", "date") in groups  # the article's header date is not the launch's
    assert ("event", "time") not in groups  # 'on Thursday' is Thursday 24 Aug in Korea: it agrees


def test_times_a_minute_apart_at_minute_precision_agree(sample):
    time = next(g for g in claim_groups(sample, SITE_2016) if g.property == "time")
    assert [c.value for c in time.claims] == ["2016-02-06T19:29:00-05:00", "2016-02-07T00:30:00Z"]
    assert not time.disagree
    assert time.agreement.label == "sources agree (±1 min)"
    assert disagreements_for(sample, SITE_2016) == []


def test_agreeing_claims_are_grouped_but_not_disagreements(sample):
    groups = claim_groups(sample, SITE_2016)
    outcome = next(g for g in groups if g.property == "outcome")
    assert len(outcome.claims) == 3
    assert not outcome.disagree
    assert all(g.subject == "event" for g in groups)  # the site itself carries no claims
    assert "outcome" not in {g.property for g in disagreements_for(sample, SITE_2016)}


def test_a_features_own_disagreement_comes_before_its_events(sample):
    groups = disagreements_for(sample, "2016-02-07-kms4/overflight")
    assert (groups[0].subject, groups[0].property) == ("feature", "time")
    assert {c.value for c in groups[0].claims} == {"2016-02-07T09:39:00+09:00", "2016-02-07T09:41:00+09:00"}


def test_overlapping_citations_split_into_runs_each_knowing_all_it_supports(make_bundle, small):
    data, article = small
    data["features"][1]["properties"]["citations"] = [cite(article, "traveled 2,000 kilometers south")]
    data["features"][0]["properties"]["citations"].append(cite(article, "2,000 kilometers"))
    bundle, _ = read_bundle(make_bundle(data))
    marks = marks_in(bundle, "doc-a")
    texts = [(article[m.start:m.end], m.features) for m in marks]
    assert texts == [
        ("the Sohae station", ("f-site",)),
        ("traveled ", ("f-path",)),
        ("2,000 kilometers", ("f-path", "f-site")),
        (" south", ("f-path",)),
    ]
    inner = mark_at(marks, article.index("2,000") + 2)
    assert article[inner.innermost().start:inner.innermost().end] == "2,000 kilometers"
    assert passage_features(inner) == ("f-site", "f-path")  # the one citing exactly this passage first
    assert mark_at(marks, article.index("Sunday")) is None
    assert {f.id for f in bundle.features_citing("doc-a", inner.start, inner.start)} == set(inner.features)


def test_event_claims_are_marked_too(sample):
    marks = marks_in(sample, "doc-002")
    header = mark_at(marks, sample.documents["doc-002"].text.index("date 2023-11-15"))
    assert header.features == ()
    assert header.events == ("2023-08-24-chollima1",)


def test_orphaned_citations_are_listed_not_marked(make_bundle, small):
    data, article = small
    data["features"][0]["properties"]["citations"].append(
        {"document": "doc-a", "start": 3, "end": 20, "exact": "a quote the text lacks", "prefix": "", "suffix": ""})
    bundle, _ = read_bundle(make_bundle(data))
    (orphan,) = orphans_in(bundle, "doc-a")
    assert orphan.feature == "f-site"
    assert orphan.citation.exact == "a quote the text lacks"
    assert [article[m.start:m.end] for m in marks_in(bundle, "doc-a") if "f-site" in m.features] == [
        "the Sohae station"]
