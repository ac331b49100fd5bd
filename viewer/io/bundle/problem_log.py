"""What every reader of bundle JSON shares: problems recorded with their place, and typed access to members
that records a problem, instead of raising, when a member has the wrong type."""

from __future__ import annotations

from typing import Any

from viewer.model.problem import Problem, Severity


class ProblemLog:
    """The problems found in one file (``shown_as`` in messages); ``fatal`` once any error makes it unusable."""

    def __init__(self, shown_as: str):
        self.file = shown_as
        self.problems: list[Problem] = []
        self.fatal = False

    def error(self, where: str, message: str, *, fatal: bool = True) -> None:
        self.problems.append(Problem(self.file, where, message))
        self.fatal = self.fatal or fatal

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message, Severity.WARNING))

    # -- typed access ----------------------------------------------------------------------------
    def member(self, obj: dict, key: str, where: str, types: type | tuple[type, ...], *, required=False):
        """``obj[key]`` when it has one of ``types``; records a problem and returns None otherwise."""
        if key not in obj or obj[key] is None:
            if required:
                self.error(where, f"missing member {key!r}")
            return None
        value = obj[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
            place = f"{where}.{key}" if where else key
            self.error(place, f"must be {_type_names(types)}, not {json_type(value)}")
            return None
        return value

    def objects(self, root: dict, key: str) -> list[tuple[str, dict]]:
        """The JSON objects in the list member ``key``, each with its place."""
        items = self.member(root, key, "", list) or []
        result = []
        for index, item in enumerate(items):
            where = f"{key}[{index}]"
            if isinstance(item, dict):
                result.append((where, item))
            else:
                self.error(where, f"must be an object, not {json_type(item)}")
        return result


def raw_ids(items: Any) -> set[str]:
    if not isinstance(items, list):
        return set()
    return {str(item["id"]) for item in items if isinstance(item, dict) and item.get("id") is not None}


def short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _type_names(types: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", list: "a list", dict: "an object"}
    return " or ".join(names.get(t, t.__name__) for t in _as_tuple(types))


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return _type_names(type(value)) if type(value) in (str, int, float, list, dict) else type(value).__name__
