"""Issue 17, round 19: a file's bytes read as the same text however they were saved (UTF-16 or UTF-32 with their
byte-order mark, UTF-8 with one, Windows-1252), an HTML page's line breaks kept as lines, and a story forwarded in a
mail dated by its own lines. Every text here was written for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from viewer.ingest.article import ArticleError, article_from_bytes
from viewer.ingest.html_text import html_to_text

STORY = (
    "Gulls scatter as a rocket rises\n"
    "\n"
    "TOKYO, June 9, 2031 (Lantern Wire) - North Korea fired a ballistic missile from the Sohae area on Monday\n"
    "morning, Japan\u2019s defence ministry said. It came down in the sea west of the peninsula.\n"
)


def _read(data: bytes, name: str = "story.txt"):
    return article_from_bytes(data, Path(name), "doc-story")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_file_saved_with_a_byte_order_mark_reads_as_the_same_text(codec):
    data = STORY.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    article = _read(data)
    assert article.text == STORY
    assert article.published == date(2031, 6, 9)
    assert not article.text_from_file  # the bundle carries the text: the file's bytes are not its UTF-8


def test_a_windows_1252_file_reads_its_curly_quote():
    article = _read(STORY.encode("cp1252"))
    assert article.text == STORY
    assert article.published == date(2031, 6, 9)


def test_a_file_of_nul_bytes_without_a_mark_is_still_refused():
    with pytest.raises(ArticleError, match="NUL"):
        _read(b"text\0more")


def test_a_line_break_in_a_page_paragraph_is_a_line_not_a_paragraph():
    page = "<html><body><p>first line of the note<br>second line<br/>third</p><p>another paragraph</p></body></html>"
    assert html_to_text(page).text == "first line of the note\nsecond line\nthird\n\nanother paragraph"


FORWARD = ("---------- Forwarded message ---------\nFrom: Night Editor <night@desk.invalid>\n"
           "Date: Fri, Aug 1, 2031 at 8:40 AM\nSubject: Fwd: for the file\nTo: Archive <archive@desk.invalid>\n\n")


def test_a_forwarded_story_keeps_its_own_date_and_title():
    given, forwarded = _read(STORY.encode()), _read((FORWARD + STORY).encode())
    assert forwarded.published == given.published == date(2031, 6, 9)
    assert forwarded.title == given.title == "Gulls scatter as a rocket rises"
    assert forwarded.header_end >= len(FORWARD)  # the forwarding's date is not one the story reports


def test_a_forwarded_note_with_no_date_of_its_own_is_dated_by_the_mail():
    note = "Team, see the launch figures below; the map needs the splash point before noon.\n"
    assert _read((FORWARD + note).encode()).published == date(2031, 8, 1)


def test_a_forwarded_note_quoted_or_with_lone_cr_line_ends_is_dated_by_the_mail_all_the_same():
    note = FORWARD + "Team, see the launch figures below; the map needs the splash point before noon.\n"
    quoted = "\n".join(f"> {line}" for line in note.split("\n"))
    assert _read(note.replace("\n", "\r").encode()).published == date(2031, 8, 1)
    assert _read(quoted.encode()).published == date(2031, 8, 1)
