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
