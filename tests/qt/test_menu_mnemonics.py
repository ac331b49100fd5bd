"""Every entry of the Projection menu is reached by Alt, V, P and one letter of its own."""

from __future__ import annotations

import re


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_each_projection_has_a_letter_of_its_own(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    projection = next(a.menu() for a in view.actions() if a.menu() and "Projection" in a.text())
    texts = [a.text() for a in projection.actions() if not a.isSeparator()]
    letters = [mnemonic(t) for t in texts]
    assert None not in letters, [t for t in texts if mnemonic(t) is None]
    assert len(set(letters)) == len(letters), texts
    assert any(t.replace("&", "") == "Regional (Lambert conformal conic)" for t in texts)  # the words unchanged


def _menus(menu, path: str):
    """``(path, menu)`` for a menu and every submenu under it, recent files filled as when the menu opens."""
    menu.aboutToShow.emit()  # menus filled when opened (recent files) are filled, and lettered, then
    yield path, menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menus(action.menu(), f"{path} ▸ {action.text()}")


def test_every_entry_of_every_menu_has_a_letter_no_other_entry_of_its_menu_has(window, tmp_path, monkeypatch):
    """The View menu had none (Previous launch, the docks' entries…): Alt reached nothing in it."""
    from viewer.qt import window_files

    odd = tmp_path / "R&D plans.geojson"  # a file's '&' is shown, not taken as the entry's letter
    monkeypatch.setattr(window_files, "recent_files", lambda: [str(odd), str(tmp_path / "b.geojson")])
    top = [a for a in window.menuBar().actions() if a.menu() is not None]
    problems = []
    top_letters = [mnemonic(a.text()) for a in top]
    if None in top_letters or len(set(top_letters)) != len(top_letters):
        problems.append(("menu bar", [a.text() for a in top]))
    for action in top:
        for path, menu in _menus(action.menu(), action.text()):
            texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
            letters = [mnemonic(t) for t in texts]
            if None in letters or len(set(letters)) != len(letters):
                problems.append((path, texts))
    assert not problems, "\n".join(f"{path}: {texts}" for path, texts in problems)


def test_open_recent_offers_a_file_opened_since_the_window_was_built(window):
    """With fresh settings, File ▸ Open recent was greyed when the window was built and stayed so after files were
    opened: a disabled menu never opens, so the entries it would have listed were never filled in."""
    from viewer.resources import sample_bundle

    menu = window._recent_files_menu
    assert menu.isEnabled()
    assert [a.text() for a in menu.actions()] == [f"&1 {sample_bundle().resolve()}"]
