"""`launchmap ingest ARTICLE… -o OUT.geojson` and the evaluation against the curated sample bundle."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest
from launch_articles import HTML_2022, SPEECH, UNHA_2012

from viewer.cli import ingest
from viewer.cli.errors import UsageError
from viewer.ingest import evaluate
from viewer.io.bundle.reader import read_bundle
from viewer.resources import asset


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    ingest.add_arguments(parser)
    return ingest.run(parser.parse_args(list(argv)))


def test_articles_below_the_output_are_referenced_by_path(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "unha.md").write_text(UNHA_2012, encoding="utf-8")
    (tmp_path / "articles" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "articles" / "page.html").write_text(HTML_2022, encoding="utf-8")
    out = tmp_path / "draft.geojson"
    assert run(str(tmp_path / "articles"), "-o", str(out)) == 0
    assert "2 launches and" in capsys.readouterr().out
    bundle, problems = read_bundle(out)
    assert problems == []  # every citation anchors in the text the bundle points to
    documents = {d.id: d for d in bundle.documents.values()}
    assert documents["doc-unha"].path == "articles/unha.md"
    assert documents["doc-unha"].sha256
    assert documents["doc-speech"].path == "articles/speech.txt"
    assert documents["doc-page"].text_inline  # the reduced text of a page is carried, not the HTML
    assert "<p>" not in documents["doc-page"].text
    assert not any(f.all_citations[0].document == "doc-speech" for f in bundle.features.values())
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert all(f["properties"]["draft"] is True for f in raw["features"])


def test_articles_elsewhere_are_carried_inline(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "unha.txt").write_text(UNHA_2012, encoding="utf-8")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "draft.geojson"
    assert run(str(elsewhere / "unha.txt"), "-o", str(out)) == 0
    bundle, problems = read_bundle(out)
    assert problems == []
    assert bundle.documents["doc-unha"].text_inline
    assert bundle.documents["doc-unha"].path is None


def test_date_option_resolves_weekdays_in_undated_articles(tmp_path):
    shutil.copy(asset("data", "articles", "001_4e722cd045efdfe0.txt"), tmp_path / "a.txt")
    out = tmp_path / "draft.geojson"
    assert run(str(tmp_path / "a.txt"), "-o", str(out), "--date", "2023-11-22") == 0
    bundle, _ = read_bundle(out)
    assert list(bundle.events) == ["draft-2023-11-21"]  # "on Tuesday evening", the day before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{tmp}/missing.txt", "-o", "{tmp}/out.geojson"], r"missing\.txt: no such file"),
        (["{tmp}/bad.txt", "-o", "{tmp}/out.geojson"], r"bad\.txt: byte 0 is NUL"),
        (["{tmp}/ok.txt", "-o", "{tmp}/out.png"], r"out\.png: the draft bundle must be a \.geojson file"),
        (["{tmp}/ok.txt", "-o", "{tmp}/nowhere/out.geojson"], r"folder .*nowhere does not exist"),
        (["{tmp}/ok.txt", "-o", "{tmp}/out.geojson", "--date", "Tuesday"], r"--date 'Tuesday': expected YYYY-MM-DD"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, argv, message):
    (tmp_path / "bad.txt").write_bytes(b"\0\0")
    (tmp_path / "ok.txt").write_text(UNHA_2012, encoding="utf-8")
    (tmp_path / "out.geojson").write_text("previous", encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        run(*(a.format(tmp=tmp_path) for a in argv))
    assert (tmp_path / "out.geojson").read_text(encoding="utf-8") == "previous"


def test_evaluation_on_the_sample_corpus_prints_precision_and_recall(capsys):
    assert evaluate.main([]) == 0
    out = capsys.readouterr().out
    assert "precision" in out
    assert "recall" in out
    result = evaluate.evaluate_corpus(asset("data", "articles"), asset("data", "launches.geojson"))
    # Floors, not targets: a change that drafts worse features or fewer right ones fails here.
    assert result.precision >= 0.85
    assert len(result.pairs) >= 7
    matched = {p.curated.id for p in result.pairs}
    assert {"2016-02-07-kms4/launch-site", "2016-02-07-kms4/flight-path",
            "2023-11-21-chollima1/warning-area", "2023-08-24-chollima1/overflight"} <= matched
    assert len(result.misses) == len(result.curated) - len(result.pairs)
    assert all(why for _, why in result.misses + result.wrong)


def test_evaluation_matches_kind_position_and_citation(tmp_path):
    curated, _ = read_bundle(asset("data", "launches.geojson"))
    assert evaluate.evaluate(curated, curated).precision == 1.0  # a bundle scored against itself
    moved, _ = read_bundle(asset("data", "launches.geojson"))
    site = moved.features["2016-02-07-kms4/launch-site"]
    from shapely.geometry import Point

    site.geometry = Point(site.geometry.x + 1.0, site.geometry.y)  # about 85 km east: beyond 30 km
    result = evaluate.evaluate(moved, curated)
    assert "2016-02-07-kms4/launch-site" not in {p.draft.id for p in result.pairs}
    assert any("km off" in why for f, why in result.wrong if f.id == "2016-02-07-kms4/launch-site")


def test_the_sample_is_also_scored_against_what_its_articles_state(capsys):
    stated_file = Path(__file__).parent.parent / "data" / "ingest_corpus" / "sample_stated.json"
    argv = [str(asset("data", "articles")), str(asset("data", "launches.geojson")), str(stated_file)]
    assert evaluate.main(argv) == 0
    out = capsys.readouterr().out
    assert "recall against what the articles state" in out
    stated = {k for k in json.loads(stated_file.read_text(encoding="utf-8")) if not k.startswith("_")}
    result = evaluate.evaluate_corpus(asset("data", "articles"), asset("data", "launches.geojson"))
    right, total = evaluate.stated_recall(result, stated)
    assert total == len(stated)
    assert right == len(stated & {p.curated.id for p in result.pairs})
    assert right / total > result.recall  # the notices' zones are not held against the articles
    assert all(k in {f.id for f in result.curated} for k in stated)  # every listed feature exists
