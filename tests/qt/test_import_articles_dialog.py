"""File ▸ Import articles offers every kind of file ingest reads: `launchmap ingest` took RSS and Atom feeds while
the window's dialog listed only text and HTML, hiding a feed saved as .xml or .rss behind 'All files'."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from viewer.ingest.article import SUFFIXES


def test_the_dialog_lists_every_suffix_ingest_reads(window, monkeypatch):
    asked = []

    def answer(parent, caption, folder, filters):
        asked.append(filters)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(answer))
    assert window.review.import_articles() is None
    [filters] = asked
    first = filters.split(";;")[0]
    assert {f"*{suffix}" for suffix in SUFFIXES} == set(first[first.index("(") + 1:first.index(")")].split())
    assert {"*.rss", "*.atom", "*.xml", "*.txt", "*.html"} <= set(first[first.index("(") + 1:-1].split())
