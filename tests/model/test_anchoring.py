"""Citation anchoring: offsets checked against the quote, re-anchoring by context, orphans kept."""

import time

import pytest

from viewer.model.anchoring import anchor, reanchor
from viewer.model.citation import AnchorStatus, Citation

TEXT = "The rocket flew south. Officials said the rocket flew south again later that day."


def test_agreeing_offsets_anchor():
    cited = Citation.of_span("d", TEXT, 4, 10)
    assert reanchor(cited, TEXT).status is AnchorStatus.ANCHORED


def test_moved_quote_is_found_again_by_its_context():
    cited = Citation.of_span("d", TEXT, TEXT.index("rocket flew south again"), TEXT.index(" again"))
    edited = "BREAKING: " + TEXT
    result = reanchor(cited, edited)
    assert result.status is AnchorStatus.REANCHORED
    assert edited[result.start:result.end] == "rocket flew south"
    # the second occurrence: its prefix "Officials said the " picks it over the first
    assert result.start == edited.index("rocket flew south again")


def test_first_occurrence_chosen_when_context_points_there():
    cited = Citation.of_span("d", TEXT, 4, 21)  # "rocket flew south" (first)
    result = reanchor(cited, "Update. " + TEXT)
    assert result.start == len("Update. ") + 4


def test_quote_gone_is_orphaned_not_dropped():
    cited = Citation.of_span("d", TEXT, 4, 10)
    result = reanchor(cited, "An entirely different text.")
    assert result.status is AnchorStatus.ORPHANED
    assert result.exact == "rocket"


def test_no_text_orphans():
    assert reanchor(Citation("d", 0, 3, "The"), None).is_orphaned


def test_offsets_past_the_end_reanchor_when_quote_exists():
    result = reanchor(Citation("d", 500, 506, "rocket", "The ", " flew"), TEXT)
    assert (result.status, result.start, result.end) == (AnchorStatus.REANCHORED, 4, 10)


def test_of_span_keeps_32_characters_of_context():
    long = "x" * 50 + "QUOTE" + "y" * 50
    cited = Citation.of_span("d", long, 50, 55)
    assert (cited.prefix, cited.suffix) == ("x" * 32, "y" * 32)


def test_overlap_rules():
    cited = Citation("d", 10, 20, "x" * 10)
    assert cited.overlaps(15, 15)
    assert cited.overlaps(0, 11)
    assert not cited.overlaps(20, 25)
    assert not cited.overlaps(20, 20)


def test_offsets_do_not_win_over_a_context_that_points_elsewhere():
    text = "Seoul said the rocket fell. Tokyo said the rocket flew over Okinawa."
    second = text.index("rocket flew")
    # offsets at the first "rocket", prefix and suffix of the second one
    cited = Citation("d", text.index("rocket"), text.index("rocket") + 6, "rocket", "Tokyo said the ", " flew over")
    result = anchor(cited, text)
    assert (result.citation.status, result.citation.start) == (AnchorStatus.REANCHORED, second)
    assert result.context_moved


def test_offsets_stay_when_the_context_fits_there_too():
    cited = Citation.of_span("d", TEXT, 4, 10)
    assert anchor(cited, TEXT) == anchor(cited, TEXT)
    assert anchor(cited, TEXT).citation.status is AnchorStatus.ANCHORED
    assert not anchor(cited, TEXT).context_moved


def test_equally_good_places_are_reported_as_ties():
    text = "x. the rocket flew. y. the rocket flew. z."
    cited = Citation("d", 500, 506, "rocket", "the ", " flew")
    result = anchor(cited, text)
    assert result.ties == 1
    assert result.citation.start == text.rindex("rocket")  # nearest the old offset


def test_reanchoring_is_near_linear_when_the_quote_is_everywhere():
    text = "ab" * 2_500_000  # 5 MB in which the quote occurs at every other character
    citations = [Citation("d", 7_000_000 + i, 7_000_002 + i, "ab", "zz" + "ab" * 10, "ab" * 10 + "q")
                 for i in range(200)]
    started = time.process_time()  # this process's CPU time: other work on a shared machine does not count
    results = [anchor(c, text) for c in citations]
    elapsed = time.process_time() - started
    assert elapsed < 2.0, f"{elapsed:.1f} s of CPU for 200 citations"
    assert all(r.citation.status is AnchorStatus.REANCHORED for r in results)
    assert all(r.ties > 0 for r in results)  # every place fits the same: said so, not hidden


def test_a_unique_context_is_found_among_countless_copies_of_the_quote():
    text = "ab" * 1_000_000 + "Sohae: ab launched" + "ab" * 1_000_000
    cited = Citation("d", 5, 7, "ab", "Sohae: ", " launched")
    started = time.perf_counter()
    result = anchor(cited, text)
    assert time.perf_counter() - started < 0.5
    assert result.citation.start == text.index("Sohae: ab") + len("Sohae: ")
    assert result.ties == 0


@pytest.mark.parametrize(("prefix", "suffix"), [("The ", ". The"), ("", ""), ("Xhe ", ". The"), ("Xhe ", "!")])
def test_a_quote_everywhere_is_reanchored_near_its_old_offset_deep_in_the_text(prefix, suffix):
    # The quote (and its whole context, in the first case) occurs every 23 characters of a 5 MB text; the
    # citation is one character off, 4 MB in. The copy it meant is beside it, not among the first few hundred.
    unit = "The missile flew east. "
    text = unit * (5_000_000 // len(unit))
    cited = Citation("d", 4_000_001, 4_000_018, "missile flew east", prefix, suffix)
    result = anchor(cited, text)
    assert abs(result.citation.start - cited.start) < len(unit)
    assert text[result.citation.start : result.citation.end] == "missile flew east"
    assert result.ties > 0
    assert result.more_ties  # only some of the tens of thousands of ties were counted: said so


def test_ties_counted_in_full_are_not_a_lower_bound():
    text = "x. the rocket flew. y. the rocket flew. z."
    assert not anchor(Citation("d", 500, 506, "rocket", "the ", " flew"), text).more_ties
