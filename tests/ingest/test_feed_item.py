"""News feeds (RSS 2.0, Atom) are read as articles: the item's title, its stamp and its escaped HTML body."""

import pytest

from viewer.ingest import ingest_articles
from viewer.ingest.article import ArticleError, read_article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Asia news</title>
<item><title>North Korea fires missile from submarine</title>
<pubDate>Wed, 24 Aug 2016 02:41:00 GMT</pubDate>
<description>&lt;p&gt;SEOUL &amp;#8212; North Korea on Wednesday fired a ballistic missile from a submarine near
Sinpo at about 5:30 a.m. local time, the Joint Chiefs of Staff said.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;
</description></item></channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Rocket launch from Sohae</title><updated>2023-11-22T01:10:00Z</updated>
<content type="html">&lt;p&gt;North Korea launched a rocket from Sohae late on Tuesday.&lt;/p&gt;</content></entry>
</feed>
"""


def test_an_rss_item_reads_as_its_title_stamp_and_body_text(tmp_path):
    path = tmp_path / "voa.xml"
    path.write_text(RSS, encoding="utf-8")
    article = read_article(path)
    assert article.title == "North Korea fires missile from submarine"
    assert article.published is not None
    assert article.published.isoformat() == "2016-08-24"
    assert "SEOUL — North Korea on Wednesday fired" in article.text
    assert "<p>" not in article.text
    assert "alert(1)" not in article.text
    launches = [event for event in ingest_articles([article]).events.values()]
    assert launches
    assert launches[0].time is not None
    assert launches[0].time == "2016-08-24T05:30:00+09:00"


def test_an_atom_entry_reads_with_its_updated_stamp(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Rocket launch from Sohae"
    assert article.published is not None
    assert article.published.isoformat() == "2023-11-22"
    assert "launched a rocket from Sohae" in article.text


@pytest.mark.parametrize(("xml", "why"), [
    ("<rss><channel><item><title>cut off", "not a readable feed"),
    ("<rss><channel><title>no items</title></channel></rss>", "no item"),
    ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><item><title>&b;</title>'
     "</item></rss>", "not a readable feed"),
])
def test_a_broken_or_hostile_feed_is_one_line_naming_the_file(tmp_path, xml, why):
    path = tmp_path / "feed.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: ")
    assert why in str(error.value)
    assert "\n" not in str(error.value)


SEOUL_MORNING = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Peninsula news</title>
<item><title>North Korea fires short-range missiles</title>
<pubDate>Tue, 17 Sep 2024 23:12:00 +0000</pubDate>
<description>&lt;p&gt;SEOUL, Sept. 18 -- North Korea fired several short-range ballistic missiles into the East Sea on
Wednesday morning, the Joint Chiefs of Staff said.&lt;/p&gt;&lt;p&gt;The missiles were launched at around 6:50
a.m.&lt;/p&gt;</description></item></channel></rss>
"""


@pytest.mark.parametrize("suffix", [".xml", ".txt"])
def test_a_stamp_in_utc_the_evening_before_a_seoul_dateline_keeps_the_datelines_day(tmp_path, suffix):
    """A feed's stamp is an instant, often in UTC: 23:12 UTC on the 17th is the morning of the 18th in Seoul, the
    day the dateline writes. 'Wednesday' is the dateline's day, not the Wednesday of the week before."""
    path = tmp_path / f"item{suffix}"
    path.write_text(SEOUL_MORNING, encoding="utf-8")
    article = read_article(path)
    assert article.published is not None
    assert article.published.isoformat() == "2024-09-18"
    launches = list(ingest_articles([article]).events.values())
    assert [launch.time for launch in launches] == ["2024-09-18T06:50:00+09:00"]
