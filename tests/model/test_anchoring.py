"""Citation anchoring: offsets checked against the quote, re-anchoring by context, orphans kept."""

from viewer.model.anchoring import reanchor
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
