"""The scorer counts a file ingest cannot read as one that drafted nothing, instead of stopping the whole run."""

import json

from viewer.ingest.corpus_score import score_articles


def test_an_unreadable_article_scores_as_every_fact_missed(tmp_path, capsys):
    (tmp_path / "a01_feed_item.xml").write_text("<rss><channel><item><title>cut off\n")  # not well-formed
    truth = {"a01_feed_item.xml": {"published": "2016-08-24", "launches": [{"site": "sinpo", "date": "2016-08-24"}]}}
    (tmp_path / "truth.json").write_text(json.dumps(truth))
    tallies = score_articles(tmp_path)
    assert (tallies["launch"].right, tallies["launch"].drafted, tallies["launch"].truth) == (0, 0, 1)
    assert (tallies["published"].right, tallies["published"].truth) == (0, 1)
    assert "a01_feed_item.xml" in capsys.readouterr().out
