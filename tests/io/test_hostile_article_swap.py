"""An article file swapped for a symlink out of the bundle's folder after its path was checked (a shared folder
the sender still writes to) is refused, never read: the file is read once, by the descriptor opened."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from viewer.io.bundle.articles import ArticleRefused, read_article

SECRET = b"the receiver's private notes"
ARTICLE = b"North Korea launched a rocket on Sunday."


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "private.txt").write_bytes(SECRET)
    (tmp_path / "bundle" / "articles").mkdir(parents=True)
    (tmp_path / "bundle" / "articles" / "a.txt").write_bytes(ARTICLE)
    return tmp_path / "bundle"


def swap_after_resolving(monkeypatch, swap) -> None:
    """Run ``swap`` once, right after the article's path was resolved and checked, before it is opened."""
    resolve = Path.resolve
    done = []

    def resolving(self, strict=False):
        result = resolve(self, strict)
        if result.name == "a.txt" and not done:
            done.append(True)
            swap()
        return result

    monkeypatch.setattr(Path, "resolve", resolving)


def test_the_file_swapped_for_a_symlink_out_is_not_read(monkeypatch, folder):
    article = folder / "articles" / "a.txt"

    def swap():
        (folder / "link").symlink_to(folder.parent / "private.txt")
        os.replace(folder / "link", article)

    swap_after_resolving(monkeypatch, swap)
    with pytest.raises(ArticleRefused, match="was changed into a symlink while being read; not read"):
        read_article(folder, "articles/a.txt")


def test_a_folder_swapped_for_a_symlink_out_is_not_read(monkeypatch, folder, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_bytes(SECRET)

    def swap():
        os.rename(folder / "articles", folder / "old")
        (folder / "articles").symlink_to(tmp_path / "elsewhere")

    swap_after_resolving(monkeypatch, swap)
    with pytest.raises(ArticleRefused, match="changed to lead outside the bundle's folder while being read"):
        read_article(folder, "articles/a.txt")


def test_a_file_flipping_between_article_and_symlink_never_leaks(folder):
    article = folder / "articles" / "a.txt"
    stop = threading.Event()

    def flip():
        while not stop.is_set():
            (folder / "link").symlink_to(folder.parent / "private.txt")
            os.replace(folder / "link", article)
            (folder / "copy").write_bytes(ARTICLE)
            os.replace(folder / "copy", article)

    flipper = threading.Thread(target=flip, daemon=True)
    flipper.start()
    read = 0
    try:
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            try:
                assert read_article(folder, "articles/a.txt") == ARTICLE  # before the fix: the secret, now and then
                read += 1
            except ArticleRefused:
                pass
    finally:
        stop.set()
        flipper.join()
    assert read > 0
