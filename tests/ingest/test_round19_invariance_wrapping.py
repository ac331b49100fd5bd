"""Issue 17, round 19: prose hard-wrapped by a mail client read as its paragraphs, tabs written for spaces, curly
quotes, and a web page's furniture after the story (viewer/ingest/text_forms.py). Every text here was written for
the test."""

from __future__ import annotations

import textwrap
from pathlib import Path

from viewer.ingest.article import article_from_bytes
from viewer.ingest.draft import draft_document
from viewer.ingest.mend import mend
from viewer.ingest.text_forms import foot_furniture, hard_wraps, word_tabs

PARAGRAPH = ("The lighthouse keeper said the beam had been dimmed for a week while the lens was cleaned, and that "
             "boats leaving the harbour before dawn should keep well clear of the northern breakwater until the "
             "work is finished.")


def test_a_paragraph_wrapped_at_sixty_columns_reads_as_one_line():
    wrapped = "\n".join(textwrap.wrap(PARAGRAPH, 60))
    assert "\n" in wrapped
    assert mend(wrapped).text == PARAGRAPH


def test_a_paragraph_wrapped_twice_at_two_widths_reads_as_one_line():
    once = "\n".join(textwrap.wrap(PARAGRAPH, 90))
    twice = "\n".join(part for line in once.split("\n") for part in textwrap.wrap(line, 60))
    assert mend(twice).text == PARAGRAPH


def test_a_list_a_log_and_a_table_keep_their_lines():
    items = ("Harbour notes for the week ahead, written up by the night watch for the morning crew:\n"
             "- the northern breakwater lamp is out until the lens is cleaned\n"
             "- the ferry from the island runs an hour late on market day\n"
             "0540 pilot boat left the inner harbour\n"
             "0610 pilot boat back alongside the quay\n"
             "berth: four | length: 90 m | draught: 6 m\n"
             "berth: five | length: 70 m | draught: 5 m\n")
    assert hard_wraps(items) == []


def test_keys_of_notes_and_data_keep_their_lines():
    notes = ('{\n  "vessel": "a small coaster bound for the island harbour",\n'
             '  "cargo": "timber and crates of apples for the market",\n  "arrived": "early on the morning tide"\n}\n'
             "title: the long quay and the harbour lights after the storm\n"
             "author: a harbour pilot with thirty years of service\n")
    assert hard_wraps(notes) == []


def test_tabs_written_for_spaces_are_spaces_but_a_tables_tabs_stay():
    tabbed = "The\tferry\tleft\tthe\tquay\tat\tdawn\tand\treturned\tat\tnoon.\n"
    assert mend(tabbed).text == tabbed.replace("\t", " ")
    table = "day\tvessel\tberth\nMonday\tthe old coaster\tfour\nTuesday\tthe island ferry\tfive\n"
    assert word_tabs(table) == []


def test_curly_quotes_are_straight_to_every_finder():
    assert mend("The keeper\u2019s log said \u201cno lamp\u201d.").text == "The keeper's log said \"no lamp\"."


def test_a_cookie_notice_and_links_after_the_story_are_not_the_story():
    story = "The ferry returned at noon.\n\nHarbour desk, 2031-05-02 09:14\n"
    foot = ("\n\nWe use cookies to improve this site. By continuing you agree to our privacy policy.\n\n"
            "Read more: Harbour fees rise in spring | Read more: A new bakery opens on the quay\n")
    assert mend(story.rstrip() + foot).text == story
    assert foot_furniture(story) == []
    assert foot_furniture("Read more: only links here\n") == []  # a text of nothing else is left as it is


STORY = ("Night launch lights up the coast\n\nSEOUL, March 4, 2031 (Lantern Wire) - North Korea fired a ballistic "
         "missile from the Sinpo area at 7:12 a.m. on Tuesday, South Korea's Joint Chiefs of Staff said. The "
         "missile flew east for about 600 km before it came down in the sea, the officials said.\n\nCrews of two "
         "trawlers said they saw a bright trail rising over the hills.\n")


def _facts(text: str):
    article = article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story")
    draft = draft_document(article)
    assert draft is not None
    site = draft.first("launch_site")
    return article.published, draft.date, draft.time, site.place if site else None


def test_a_story_wrapped_at_sixty_columns_with_tabs_and_a_foot_drafts_the_same_launch():
    given = _facts(STORY)
    wrapped = "\n".join(part for line in STORY.split("\n") for part in (textwrap.wrap(line, 60) or [""]))
    assert _facts(wrapped) == given
    assert _facts(STORY.replace(" ", "\t")) == given
    assert _facts(STORY + "\nRead more: Harbour fees rise in spring | Read more: A bakery opens\n") == given
