"""What `json` lets through and launchmap must not: numbers that overflow to infinity (``1e400``), refused with
their line and column, and keys given twice in one object, which JSON parsers resolve silently (warned).

Non-finite numbers are refused rather than read: every writer would otherwise emit ``Infinity`` (invalid
JSON) or a GeoPackage that cannot be read back. ``NaN`` and ``Infinity`` literals are refused the same way.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any


class NonFinite(ValueError):
    """A number in the text is not finite; ``token`` is how the file writes it."""

    def __init__(self, token: str):
        super().__init__(token)
        self.token = token


def _reject_constant(name: str) -> float:
    raise NonFinite(name)


def _finite(token: str) -> float:
    value = float(token)
    if value - value != 0.0:  # inf - inf is NaN
        raise NonFinite(token)
    return value


class CheckedDecoder(json.JSONDecoder):
    """A JSON decoder that raises `NonFinite` for numbers beyond float range and lists duplicated keys.

    ``duplicates`` collects each object's first repeated key, in the order the parser finished the objects;
    the caller empties it and names the place. Costs about a third more than plain ``json.loads``.
    """

    def __init__(self) -> None:
        super().__init__(parse_float=_finite, parse_constant=_reject_constant, object_pairs_hook=self._object)
        self.duplicates: list[str] = []

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            self.duplicates.append(next(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
        return result


def non_finite_message(token: str) -> str:
    if token in ("NaN", "Infinity", "-Infinity"):
        return f"invalid JSON: {token} is not a JSON number"
    return f"number {token} is beyond the range of a double (it would be infinity); launchmap refuses it"


def duplicate_message(key: str) -> str:
    return f"key {key!r} appears twice in one object; the last value is used"


def long_integer(text: str) -> tuple[str, str] | None:
    """(``line:column``, message) of the first integer longer than Python converts (`sys.set_int_max_str_digits`,
    4,300 digits by default), whose own message advises a programmer to raise the limit; None if there is none."""
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"\d{{{limit + 1},}}", text) if limit else None
    if found is None:
        return None
    return (place_of(text, found.group(), found.start()),
            f"a number of {len(found.group()):,} digits; launchmap reads integers of up to {limit:,} digits")


_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')  # a string (skipped whole), or a bracket


def too_deep(text: str) -> tuple[str, str]:
    """(``line:column``, message) of the bracket where ``text`` is nested deepest: for a file Python's parser gave
    up on ("maximum recursion depth exceeded"), which says neither where nor how deep."""
    depth = deepest = at = 0
    for found in _NESTING.finditer(text):
        bracket = found.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest, at = depth, found.start()
        elif bracket in ("]", "}"):
            depth -= 1
    return _line_column(text, at), f"arrays and objects nested {deepest:,} deep, deeper than launchmap reads"


def place_of(text: str, token: str, start: int = 0) -> str:
    """``line:column`` of the first ``token`` at or after ``start`` in ``text`` (1-based), or "" if absent."""
    at = text.find(token, start)
    if at < 0:
        return ""
    return _line_column(text, at)


def _line_column(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"
