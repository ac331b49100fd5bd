"""The one shared selection: the map, the tree and the source panel write it and observe it."""

from __future__ import annotations

from dataclasses import dataclass

from psygnal import Signal


@dataclass(frozen=True)
class Passage:
    """A span of a document's text."""

    document: str
    start: int
    end: int


class Selection:
    """Selected feature ids (ordered, first is the current one) and the passage in focus.

    Signals:
        changed(Selection): after any change; observers read the new state from the selection.
    """

    changed = Signal(object)

    def __init__(self) -> None:
        self._features: tuple[str, ...] = ()
        self._passage: Passage | None = None

    @property
    def features(self) -> tuple[str, ...]:
        return self._features

    @property
    def current(self) -> str | None:
        return self._features[0] if self._features else None

    @property
    def passage(self) -> Passage | None:
        return self._passage

    def select(self, feature_ids: list[str] | tuple[str, ...], passage: Passage | None = None) -> None:
        """Replace the selection; ``passage`` is the text the selection came from or should show."""
        features = tuple(dict.fromkeys(feature_ids))
        if features == self._features and passage == self._passage:
            return
        self._features, self._passage = features, passage
        self.changed.emit(self)

    def toggle(self, feature_id: str) -> None:
        """Add or remove one feature (Ctrl+click), keeping the rest."""
        if feature_id in self._features:
            self.select([f for f in self._features if f != feature_id])
        else:
            self.select([*self._features, feature_id])

    def focus_passage(self, passage: Passage | None) -> None:
        """Show another passage of the current selection (stepping through "reported by")."""
        if passage != self._passage:
            self._passage = passage
            self.changed.emit(self)

    def clear(self) -> None:
        self.select([])
