"""Search over labels and texts: hits that share a label are told apart by their launch."""

from __future__ import annotations

from viewer.cli.common import load_workspace
from viewer.model.search import search


def test_hits_with_one_label_name_their_launch():
    content = load_workspace([]).content
    hits = [m.context for m in search(content, "J-Alert") if m.feature]
    assert hits == [
        "J-Alert: Okinawa Prefecture (warning area, launch of 2016-02-07)",
        "J-Alert: Okinawa Prefecture (warning area, launch of 2023-05-31)",
        "J-Alert: Okinawa Prefecture (warning area, launch of 2023-08-24)",
        "J-Alert: Okinawa Prefecture (warning area, launch of 2023-11-21)",
    ]
    assert len(set(hits)) == len(hits)


def test_text_hits_point_at_the_words_even_after_letters_that_fold_longer(make_bundle):
    from viewer.io.bundle.reader import read_bundle

    article = "Die Straße nach Sohae; STRASSE. Then Okinawa.\r\nOkinawa again.\n"
    bundle, _ = read_bundle(make_bundle(article=article))
    hits = [m for m in search(bundle, "okinawa") if m.document]
    assert [article[m.start:m.end] for m in hits] == ["Okinawa", "Okinawa"]
    assert "\r" not in hits[0].context
    assert "\n" not in hits[0].context
