"""Empty containers a lean `Feature` hands out for members it does not hold: each joins its feature when
first added to, so a million features with no citations hold no million empty lists."""

from __future__ import annotations

from typing import Any


class EmptyList(list):
    """An empty list standing for ``owner.<slot>``; the first addition stores it there, then adds."""

    __slots__ = ("_owner", "_slot")

    def __init__(self, owner: object, slot: str):  # not list/dict's __init__: it only empties, and it is empty
        self._owner, self._slot = owner, slot

    def _join(self) -> None:
        if self._owner is not None:
            if getattr(self._owner, self._slot) is None:
                setattr(self._owner, self._slot, self)
            self._owner = None

    def append(self, item: Any) -> None:
        self._join()
        super().append(item)

    def extend(self, items: Any) -> None:
        self._join()
        super().extend(items)

    def insert(self, index: Any, item: Any) -> None:
        self._join()
        super().insert(index, item)

    def __iadd__(self, items: Any) -> EmptyList:  # type: ignore[misc]
        self._join()
        return super().__iadd__(items)

    def __setitem__(self, index: Any, value: Any) -> None:
        self._join()
        super().__setitem__(index, value)

    def __copy__(self) -> list:
        return list(self)

    def __deepcopy__(self, memo: dict) -> list:
        import copy

        return copy.deepcopy(list(self), memo)

    def __reduce__(self) -> Any:
        return list, (list(self),)


class EmptyDict(dict):
    """An empty dict standing for ``owner.<slot>``; the first addition stores it there, then adds."""

    __slots__ = ("_owner", "_slot")

    def __init__(self, owner: object, slot: str):  # not list/dict's __init__: it only empties, and it is empty
        self._owner, self._slot = owner, slot

    def _join(self) -> None:
        if self._owner is not None:
            if getattr(self._owner, self._slot) is None:
                setattr(self._owner, self._slot, self)
            self._owner = None

    def __setitem__(self, key: Any, value: Any) -> None:
        self._join()
        super().__setitem__(key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._join()
        super().update(*args, **kwargs)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        self._join()
        return super().setdefault(key, default)

    def __ior__(self, other: Any) -> EmptyDict:  # type: ignore[misc]
        self._join()
        return super().__ior__(other)

    def __copy__(self) -> dict:
        return dict(self)

    def __deepcopy__(self, memo: dict) -> dict:
        import copy

        return copy.deepcopy(dict(self), memo)

    def __reduce__(self) -> Any:
        return dict, (dict(self),)
