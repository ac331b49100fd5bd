"""Counts read as words everywhere launchmap reports them (panels, status line, recovery, slides)."""

from viewer.wording import counted, plural


def test_counts_read_as_words_not_with_a_plural_in_brackets() -> None:
    assert (counted(0, "passage"), counted(1, "passage"), counted(2, "passage")) == (
        "no passage", "1 passage", "2 passages")
    assert counted(3, "launch") == "3 launches"
    assert counted(2, "orphaned citation") == "2 orphaned citations"
    assert counted(2, "bundle file") == "2 bundle files"
    assert counted(1204, "feature") == "1,204 features"


def test_plurals_of_the_nouns_launchmap_counts() -> None:
    assert [plural(n) for n in ("danger zone", "category", "day", "box", "launch", "warning area")] == [
        "danger zones", "categories", "days", "boxes", "launches", "warning areas"]
