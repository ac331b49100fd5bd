"""Round 20 (ingest28): the same drafts for less work. Each cheaper pass must answer exactly as the pass it
replaced: a finder asked again answers from memory with an equal (not the same) list; the plain form is computed
once whether debris is mended after it or not; the test for a line in one case skips counting where prose shows;
the gazetteer's names in other scripts are tried only where one could start; an article drafts from the text
reading mended."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from shapely.wkt import dumps

from viewer.ingest.article import Article, article_from_bytes
from viewer.ingest.asked_before import asked_before
from viewer.ingest.draft import draft_document
from viewer.ingest.findings import ArticleDraft
from viewer.ingest.launch_shorthand import CAPITALS_SHARE, MIN_LETTERS, in_ordinary_case
from viewer.ingest.mend import FORM_STEPS, mend
from viewer.ingest.places import PlaceMatcher, shipped_matcher
from viewer.ingest.times import find_dates


def test_a_finder_asked_again_answers_from_memory_with_a_list_of_its_own() -> None:
    calls: list[tuple[str, int]] = []

    @asked_before
    def words(text: str, start: int) -> list[str]:
        calls.append((text, start))
        return text[start:].split()

    first = words("the missile flew east", 4)
    first.append("changed by the caller")
    again = words("the missile flew east", 4)
    assert again == ["missile", "flew", "east"]
    assert calls == [("the missile flew east", 4)]
    words("the missile flew east", 0)
    assert len(calls) == 2


def test_dates_asked_again_are_the_same_dates() -> None:
    text = "North Korea fired a missile on Monday, a day after its Nov. 2 launch. No digits here on Tuesday."
    once = find_dates(text, 0, len(text), date(2022, 11, 8))
    again = find_dates(text, 0, len(text), date(2022, 11, 8))
    assert once == again
    assert once is not again
    assert [d.label for d in once] == ["Monday", "2022-11-02", "Tuesday"]
    plain = text.index("No digits")
    # a stretch without a digit: no calendar form is tried, its weekdays still are
    assert [d.label for d in find_dates(text, plain, len(text), date(2022, 11, 8))] == ["Tuesday"]
    assert find_dates(text, plain, len(text), date(2022, 11, 8), weekdays=False) == []


def _counted(line: str) -> bool:
    letters = sum(c.isalpha() for c in line)
    capitals = sum(c.isupper() for c in line)
    return letters >= MIN_LETTERS and (capitals >= CAPITALS_SHARE * letters or capitals == 0)


@pytest.mark.parametrize("line", [
    "N. KOREA FIRES BALLISTIC MISSILE INTO EAST SEA",
    "north korea fired a ballistic missile this morning",
    "The Joint Chiefs of Staff said the missile flew about 760 km.",
    "JCS: NK SRBM x2 fm Sunan [순안] area, 0714 KST",
    "합동참모본부는 오늘 오전 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다",
    "SEOUL, Nov. 3 (Yonhap) -- the North FIRED an ICBM",
    "ÉTAT-MAJOR: MISSILE TIRÉ VERS L'EST À 7H40",
    "Short line",
    "AB cd EF gh IJ kl MN op QR st",
])
def test_a_line_in_one_case_is_told_as_counting_every_letter_tells_it(line: str) -> None:
    expected = line.title() if _counted(line) else ""
    assert in_ordinary_case(line, 0, len(line)) == expected


def test_mending_debris_starts_from_the_plain_form_and_ends_where_all_steps_in_a_row_end() -> None:
    text = ("North Korea fired a missile on Ju1y 4 , the JCS said.\t\n\nThe missile flew about 2,000 km east-\nward "
            "and fell into the sea.  \n\nRead more: other stories\n")
    current, origin = text, list(range(len(text)))
    from viewer.ingest import mend as mending

    for step in (*FORM_STEPS, mending._columns, mending._furniture, mending._hyphens, mending._ocr_words,
                 mending.hard_wraps):
        pieces = step(current)
        if pieces:
            current, origin = mending._rebuild(current, origin, pieces, whole=step is mending._columns)
    mend.cache_clear()
    whole = mend(text)
    assert whole.text == current
    assert whole.origin == tuple(origin)
    assert mend(text, debris=False).text != whole.text  # (the plain form alone leaves the OCR and the hyphen)


def test_names_in_other_scripts_are_found_where_they_start_and_nowhere_else() -> None:
    matcher = shipped_matcher()
    text = "fired from the Sunan [순안] area; the Tongchang-ri [東倉里] site; 동창리 발사장; Wonsan [원산] 지역"
    found = [(text[m.start:m.end], m.place.id) for m in matcher.find(text)]
    assert ("순안", "sunan") in found
    assert ("東倉里", "sohae") in found
    assert ("원산", "wonsan-kalma") in found
    # the same names without the gate: one alternation tried at every character
    plain = PlaceMatcher(matcher.places)
    import re

    from viewer.ingest.places import _name_pattern

    names = sorted(plain._names.values(), key=len, reverse=True)
    ungated = re.compile("|".join(_name_pattern(n) for n in names if not (n[0].isascii() and n[0].isalnum())),
                         re.IGNORECASE)
    assert [m.group() for m in ungated.finditer(text)] == [
        text[m.start:m.end] for m in matcher.find(text) if not text[m.start].isascii()]


def test_an_article_drafts_from_the_text_as_reading_mended_it(tmp_path: Path) -> None:
    data = (b"SEOUL, May 30 (Wire) -- North Korea fired about 18 short-range ballistic missiles from the Sunan area "
            b"at 6:14 a.m. on Thursday toward the East Sea, the Joint Chiefs of Staff said. They flew about 350 km.\n"
            )
    article = article_from_bytes(data, tmp_path / "a.txt", "a", date(2024, 5, 30))
    assert article.read_as is not None
    assert article.mended() is article.read_as[2]
    sent = pickle.loads(pickle.dumps([article]))[0]  # to a worker process: the text and the text read are one still
    assert sent.read_as is not None
    assert sent.mended() is sent.read_as[2]
    fresh = Article(article.id, article.text, article.title, article.published, article.path,
                    article.text_from_file, article.header_end, article.zone, article.day_behind)
    assert fresh.read_as is None
    assert fresh.mended().text == article.mended().text
    kept, again = draft_document(article), draft_document(fresh)
    assert kept is not None
    assert again is not None
    site, site_again = kept.first("launch_site"), again.first("launch_site")
    assert site is not None
    assert site_again is not None
    assert site.place == site_again.place == "sunan"

    def told(draft: ArticleDraft) -> list[object]:
        # (a path's points to a millionth of a degree: the geodesic's last digits vary from one call to the next)
        return [draft.date, draft.time, draft.claims,
                [(f.kind, f.place, f.spans, dumps(f.geometry, rounding_precision=6)) for f in draft.features]]

    assert told(kept) == told(again)
    article.text = article.text + " More later."  # a text changed after reading is mended anew
    assert article.mended().text.endswith("More later.")
