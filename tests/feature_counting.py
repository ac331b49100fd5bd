"""Counting the `Feature` objects a test makes: a layer read as columns makes none until one is asked for."""

from __future__ import annotations

import weakref

from viewer.model.feature import Feature


class Made:
    """Every `Feature` made while counting, and how many of them are still alive."""

    def __init__(self, monkeypatch):
        self.count = 0
        self.made: list[weakref.ref[Feature]] = []
        made = Feature.__init__

        def counting(feature, *args, **kwargs):
            made(feature, *args, **kwargs)
            self.count += 1
            self.made.append(weakref.ref(feature))

        monkeypatch.setattr(Feature, "__init__", counting)

    @property
    def alive(self) -> int:
        return sum(ref() is not None for ref in self.made)
