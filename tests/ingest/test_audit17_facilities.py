"""Issue 17.3: every North Korean launch facility the issue names is in the gazetteer under its names and aliases,
with coordinates from a named source (not 'general knowledge'), and an article naming it drafts its launch site
there. Hamhung's row said 'general knowledge' until this audit. The articles are invented."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.geo.gazetteer import find
from viewer.ingest import Article, draft_article

# (the issue's words, the gazetteer row) — aliases included, as the issue lists them
FACILITIES = [
    ("Sohae", "sohae"), ("Tongchang-ri", "sohae"), ("Sohae coastal pad", "sohae-coastal-pad"),
    ("Tonghae", "tonghae"), ("Musudan-ri", "tonghae"),
    ("Sunan", "sunan"), ("Pyongyang International Airport", "sunan"),
    ("Kusong", "kusong"), ("Sinpo", "sinpo"), ("Wonsan", "wonsan-kalma"), ("Kalma", "wonsan-kalma"),
    ("Hamhung", "hamhung"), ("Jangyon", "jangyon"), ("Pukchang", "pukchang"), ("Kaechon", "kaechon"),
    ("Sukchon", "sukchon"),
]


@pytest.mark.parametrize(("name", "row"), FACILITIES)
def test_each_facility_the_issue_names_has_a_sourced_row(name, row):
    place = find(name)
    assert place is not None
    assert place.id == row
    assert place.source
    assert "general knowledge" not in place.source.lower(), place.source
    assert 37.5 < place.lat < 43.0  # in North Korea's box
    assert 124.0 < place.lon < 131.0


@pytest.mark.parametrize(("name", "row"), [f for f in FACILITIES if f[0] not in ("Sohae coastal pad",)])
def test_an_article_naming_the_facility_drafts_the_site_there(name, row):
    text = (f"SEOUL, March 4, 2031 (Reuters) - North Korea fired a ballistic missile from {name} on Tuesday "
            "morning, South Korea's Joint Chiefs of Staff said. The missile flew east and landed in the sea.\n")
    draft = draft_article(Article(id="a", text=text, published=date(2031, 3, 4)))
    assert draft is not None
    assert draft.first("launch_site").place == row
