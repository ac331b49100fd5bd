"""Drafts join known launches instead of duplicating them; drafting on several processes gives the same bundle."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from viewer.cli import ingest as ingest_command
from viewer.ingest import ingest_articles, ingest_files, read_files
from viewer.ingest.merge import merge_draft
from viewer.io.bundle.reader import read_bundle
from viewer.resources import asset

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ingest_corpus"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    ingest_command.add_arguments(parser)
    return ingest_command.run(parser.parse_args(list(argv)))


def test_a_draft_of_a_known_launch_adds_citations_not_a_duplicate():
    known, _ = read_bundle(asset("data", "launches.geojson"))
    before = {key: len(f.citations) for key, f in known.features.items()}
    draft = ingest_files([CORPUS / "articles" / "a05_state_media_malligyong.txt"])
    merged, report = merge_draft([known], draft)
    assert report.attached == [("draft-2023-11-21", "2023-11-21-chollima1")]
    assert report.new_events == []
    assert set(merged.events) == set(known.events)
    site = merged.features[known.events["2023-11-21-chollima1"].site]
    assert report.new_citations.get(site.id) == 1
    assert any(c.document == "doc-a05_state_media_malligyong" for c in site.citations)
    assert {(c.property, c.value) for c in merged.events["2023-11-21-chollima1"].claims} >= {("outcome", "orbit")}
    assert "doc-a05_state_media_malligyong" in report.new_documents
    # nothing given was changed
    assert {key: len(f.citations) for key, f in known.features.items()} == before


def test_a_draft_of_an_unknown_launch_is_a_new_launch():
    known, _ = read_bundle(asset("data", "launches.geojson"))
    draft = ingest_files([CORPUS / "articles" / "a17_slbm_sinpo.txt"])
    merged, report = merge_draft([known], draft)
    assert report.attached == []
    assert report.new_events == ["draft-2021-10-19"]
    assert len(merged.events) == len(known.events) + 1
    assert all(merged.features[f].properties["event"] == "draft-2021-10-19" for f in report.new_features)


def test_notices_join_the_launch_their_window_holds():
    bundle = ingest_files([CORPUS / "articles" / "a28_earlier_this_month_explainer.txt",
                           CORPUS / "notices" / "n01_navarea_xi_satellite.txt"])
    assert list(bundle.events) == ["draft-2023-11-21"]
    kinds = sorted(f.kind for f in bundle.features.values())
    assert kinds.count("danger_zone") == 3


def test_ingest_into_a_bundle_writes_both(tmp_path, capsys):
    shutil.copytree(asset("data", "articles"), tmp_path / "articles")
    shutil.copy(asset("data", "launches.geojson"), tmp_path / "launches.geojson")
    out = tmp_path / "merged.geojson"
    assert run(str(CORPUS / "articles" / "a28_earlier_this_month_explainer.txt"), "--into",
               str(tmp_path / "launches.geojson"), "-o", str(out)) == 0
    printed = capsys.readouterr().out
    assert "joins known launch 2023-11-21-chollima1" in printed
    merged, problems = read_bundle(out)
    assert not [p for p in problems if p.is_error]
    assert len(merged.events) == 4


def test_a_malformed_notice_coordinate_is_one_line_and_a_non_zero_exit(tmp_path, capsys):
    out = tmp_path / "draft.geojson"
    assert run(str(CORPUS / "notices" / "n06_navarea_malformed.txt"), "-o", str(out)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].endswith("n06_navarea_malformed.txt:9: area B: cannot read the coordinate '32-74N'; "
                           "area B is not drafted")
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2  # areas A and C were drafted


def test_a_file_that_is_neither_article_nor_notice_says_so(tmp_path, capsys):
    (tmp_path / "table.txt").write_text("id,lon,lat\n1,124.7,39.6\n2,125.1,38.2\n", encoding="utf-8")
    out = tmp_path / "draft.geojson"
    assert run(str(tmp_path / "table.txt"), "-o", str(out)) == 1
    assert "table.txt:1: neither an article nor a notice" in capsys.readouterr().err


@pytest.mark.slow
def test_two_processes_draft_the_same_bundle_as_one():
    articles = read_files([CORPUS / "articles", CORPUS / "notices"])
    one = ingest_articles(articles, jobs=1)
    two = ingest_articles(read_files([CORPUS / "articles", CORPUS / "notices"]), jobs=2)
    assert list(one.events) == list(two.events)
    assert [(f.id, f.geometry.wkt, f.citations) for f in one.features.values()] == [
        (f.id, f.geometry.wkt, f.citations) for f in two.features.values()]


@pytest.mark.slow
def test_drafting_on_a_dask_local_cluster_gives_the_same_bundle():
    distributed = __import__("pytest").importorskip("distributed")
    articles = read_files([CORPUS / "articles", CORPUS / "notices"])
    one = ingest_articles(articles, jobs=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        on_dask = ingest_articles(read_files([CORPUS / "articles", CORPUS / "notices"]), dask=cluster)
    assert list(one.events) == list(on_dask.events)
    assert [(f.id, f.geometry.wkt) for f in one.features.values()] == [
        (f.id, f.geometry.wkt) for f in on_dask.features.values()]


def test_the_dask_option_of_the_command(tmp_path):
    distributed = __import__("pytest").importorskip("distributed")
    out = tmp_path / "draft.geojson"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        assert run(str(CORPUS / "notices" / "n01_navarea_xi_satellite.txt"), "--dask", cluster.scheduler_address,
                   "-o", str(out)) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 3
