"""Issue 17, round 19: the same text in another wrapping gives the same draft — line ends, stand-in characters,
trailing blanks and a reply's quoting undone once before every finder (viewer/ingest/text_forms.py, run by mend),
citations still quoting the text as given. Every text here was written for the test."""

from __future__ import annotations

import re
from pathlib import Path

from viewer.ingest.article import article_from_bytes
from viewer.ingest.draft import draft_document
from viewer.ingest.mend import mend
from viewer.ingest.text_forms import plain_characters, reply_quoting, trailing_blanks

STORY = (
    "Rocket test seen from the fishing fleet\n"
    "\n"
    "SEOUL, March 4, 2031 (Lantern Wire) - North Korea fired a ballistic missile from the Sinpo area at\n"
    "7:12 a.m. on Tuesday, South Korea's Joint Chiefs of Staff said. The missile flew east for about\n"
    "600 km before it came down in the sea, the officials said.\n"
    "\n"
    "Crews of two trawlers said they saw a bright trail rising over the hills.\n"
)


def _drafted(text: str, name: str = "story.txt"):
    article = article_from_bytes(text.encode("utf-8"), Path(name), "doc-story")
    draft = draft_document(article)
    assert draft is not None
    return article, draft


def _facts(draft) -> tuple:
    site = draft.first("launch_site")
    path = draft.first("flight_path")
    return (draft.date, draft.time, site.place if site else None, path.label if path else None)


def _quotes(article, draft) -> list[str]:
    """Every cited passage, as the text given holds it at the draft's offsets, its wrapping taken away."""
    spans = [s for f in draft.features for s in f.spans] + [s for c in draft.claims for s in c.spans]
    return [re.sub(r"\s+", " ", re.sub(r"(?m)^> ?", "", article.text[s:e]).replace("\u00a0", " ")).strip()
            for s, e in spans]


def test_the_story_is_drafted_as_given():
    _, draft = _drafted(STORY)
    assert draft.date is not None
    assert draft.date.isoformat() == "2031-03-04"
    assert draft.time is not None
    assert draft.time.strftime("%H:%M") == "07:12"
    assert draft.first("launch_site") is not None


def test_crlf_and_lone_cr_line_ends_draft_the_same_launch_citing_the_same_words():
    article, given = _drafted(STORY)
    for line_end in ("\r\n", "\r"):
        other_article, other = _drafted(STORY.replace("\n", line_end))
        assert _facts(other) == _facts(given), line_end
        assert _quotes(other_article, other) == _quotes(article, given), line_end


def test_a_story_quoted_in_a_reply_drafts_the_same_launch():
    article, given = _drafted(STORY)
    quoted = "\n".join(f"> {line}" if line else ">" for line in STORY.split("\n"))
    other_article, other = _drafted(quoted)
    assert _facts(other) == _facts(given)
    assert _quotes(other_article, other) == _quotes(article, given)


def test_no_break_and_zero_width_spaces_and_full_width_figures_draft_the_same_launch():
    _, given = _drafted(STORY)
    varied = (STORY.replace("7:12 a.m.", "\uff17\uff1a\uff11\uff12\u202fa.m.").replace("600 km", "600\u00a0km")
              .replace("ballistic", "bal\u00adlistic").replace("fired a", "fired\u200b a"))
    _, other = _drafted(varied)
    assert _facts(other) == _facts(given)


def test_a_soft_hyphen_at_a_line_end_is_left_for_the_hyphen_mend():
    text = "The launch vehicle rose on a steep trajec\u00ad\ntory over the coast."
    assert "trajectory" in mend(text).text


def test_trailing_blanks_go_and_offsets_still_point_into_the_text_as_given():
    text = "A quiet morning on the pier.  \t\nThe tide came in late. \n"
    mended = mend(text, debris=False)
    assert mended.text == "A quiet morning on the pier.\nThe tide came in late.\n"
    start = mended.text.index("tide")
    assert text[slice(*mended.span(start, start + 4))] == "tide"
    assert trailing_blanks("no blanks here\n") == []


def test_plain_characters_keep_every_other_character_where_it_was():
    text = "A\r\nB\rC\u00a0D\u200bE\uff11"
    mended = mend(text, debris=False)
    assert mended.text == "A\nB\nC DE1"
    assert [text[mended.span(i, i + 1)[0]] for i in range(len(mended.text))] == list("A\nB\rC\u00a0DE\uff11")
    assert plain_characters("plain words only\n") == []


def test_a_single_line_opening_with_a_greater_than_sign_is_not_a_reply():
    text = "Range estimates:\n> 500 km according to one panel\nthe other panel said less.\n"
    assert reply_quoting(text) == []
    assert reply_quoting("> first line\n> second line\n") == [(0, 2, ""), (13, 15, "")]
    assert reply_quoting(">> nested\n> > also nested\n")[1] == (10, 14, "")


NOTICE = """NAVAREA XI 0981/32
EAST CHINA SEA.
ROCKET LAUNCHING.
0100Z TO 0400Z DAILY 14 THRU 16 MAR 32
IN AREAS BOUND BY:
A. 30-10N 126-20E, 30-10N 126-50E, 29-40N 126-50E, 29-40N 126-20E.
B. 28-00N 127-00E, 28-00N 127-30E, 27-30N 127-30E, 27-30N 127-00E.
CANCEL THIS MSG 161000Z MAR 32.
"""


NOTAM = """B0417/32 NOTAMN
Q) RJJJ/QRDCA/IV/BO/W/000/999/2845N12715E999
A) RJJJ B) 3203140100 C) 3203160400
E) TEMPORARY DANGER AREA DUE TO ROCKET LAUNCH
WI AREA: 2900N12640E-2900N12720E-2830N12720E-2830N12640E-2900N12640E
F) SFC G) UNL
"""


def _areas(text: str):
    article = article_from_bytes(text.encode("utf-8"), Path("warning.txt"), "doc-warning")
    draft = draft_document(article)
    assert draft is not None
    return article, draft, sorted(f.geometry.wkt for f in draft.features)


def test_a_notice_with_lone_cr_line_ends_or_quoted_in_a_reply_gives_the_same_areas_citing_its_own_text():
    _, _, given = _areas(NOTICE)
    assert len(given) == 2
    _, _, notam = _areas(NOTAM)
    assert len(notam) == 1
    assert _areas(NOTAM.replace("\n", "\r"))[2] == notam
    for text in (NOTICE.replace("\n", "\r"), "\n".join(f"> {line}" for line in NOTICE.split("\n"))):
        article, draft, areas = _areas(text)
        assert areas == given
        for feature in draft.features:
            for start, end in feature.spans:
                assert article.text[start:end].strip()  # a passage of the text as given, not of the mended one
