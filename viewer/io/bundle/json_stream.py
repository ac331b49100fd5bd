"""Parse a GeoJSON file one feature at a time, so a long load reports progress and can be cancelled.

The result equals ``json.loads``; any file it cannot parse is handed to `parse_json`, whose messages
(line and column, truncation, encoding) are the ones every launchmap command prints.
"""

from __future__ import annotations

import json
import json.decoder
import re
from json.decoder import JSONDecodeError
from pathlib import Path
from typing import Any

from viewer.io.bundle.json_source import MAX_JSON_BYTES, parse_json
from viewer.io.files import FileRefused, read_regular
from viewer.io.progress import Progress, no_progress
from viewer.model.problem import BundleError, Problem

_SPACE = re.compile(r"[ \t\n\r]*")
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]  # the C string scanner json.loads uses
_REPORT_EVERY = 2000  # features between progress calls: often enough to cancel, rarely enough to cost nothing


def _skip(text: str, at: int) -> int:
    """The position of the next character that is not JSON whitespace."""
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def load_geojson(path: Path, shown_as: str, progress: Progress = no_progress) -> Any:
    """The parsed file; raises BundleError naming the place when it cannot be read."""
    try:
        data = read_regular(path, MAX_JSON_BYTES)
    except FileRefused as error:
        raise BundleError([Problem(shown_as, "", str(error))]) from None
    try:
        return _parse(data.decode("utf-8-sig"), progress)
    except (ValueError, IndexError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return parse_json(data, shown_as)  # raises with the message every launchmap command prints


def _parse(text: str, progress: Progress) -> Any:
    at = _skip(text, 0)
    if not text.startswith("{", at):
        return _DECODER.decode(text)
    root: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text.startswith("}", at):
        return _DECODER.decode(text)
    while True:
        if not text.startswith('"', at):
            raise JSONDecodeError("Expecting property name enclosed in double quotes", text, at)
        key, at = _scanstring(text, at + 1)
        at = _skip(text, at)
        if not text.startswith(":", at):
            raise JSONDecodeError("Expecting ':' delimiter", text, at)
        at = _skip(text, at + 1)
        if key == "features" and text.startswith("[", at):
            root[key], at = _array(text, at, progress)
        else:
            root[key], at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        if text.startswith("}", at):
            break
        if not text.startswith(",", at):
            raise JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)
    end = _skip(text, at + 1)
    if end != len(text):
        raise JSONDecodeError("Extra data", text, end)
    progress(len(text), len(text))
    return root


def _array(text: str, at: int, progress: Progress) -> tuple[list[Any], int]:
    items: list[Any] = []
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        return items, at + 1
    while True:
        item, at = _DECODER.raw_decode(text, at)
        items.append(item)
        if len(items) % _REPORT_EVERY == 0:
            progress(at, len(text))
        at = _skip(text, at)
        if text.startswith("]", at):
            return items, at + 1
        if not text.startswith(",", at):
            raise JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)
