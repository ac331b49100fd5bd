"""Parse a GeoJSON file one feature at a time, so a long load reports progress and can be cancelled.

The result equals ``json.loads``; any file it cannot parse is handed to `parse_json`, whose messages
(line and column, truncation, encoding) are the ones every launchmap command prints. A file with nothing to
report is parsed the quick way (`json_fast`); the rest the exact way here, which says where the problem is.
"""

from __future__ import annotations

import json.decoder
import re
from json.decoder import JSONDecodeError
from pathlib import Path
from typing import Any, Protocol

from viewer.io.bundle.json_checks import CheckedDecoder, NonFinite, duplicate_message, non_finite_message, place_of
from viewer.io.bundle.json_source import MAX_JSON_BYTES, parse_json
from viewer.io.files import FileRefused, read_regular
from viewer.io.progress import Progress, no_progress
from viewer.model.problem import BundleError, Problem, Severity

_SPACE = re.compile(r"[ \t\n\r]*")
_BLANKS = (" ", "\t", "\n", "\r")
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]  # the C string scanner json.loads uses
_REPORT_EVERY = 2000  # features between progress calls: often enough to cancel, rarely enough to cost nothing
# The quick parse saves 30-40 ms of a read a MB (15 of them parsing) and importing msgspec costs ~30 ms of CPU (both
# on a loaded machine): files smaller than this (the sample, read before the window's first frame and by every export
# of it) are parsed the exact way, and msgspec is not imported.
QUICK_FROM_BYTES = 1_000_000


def _skip(text: str, at: int) -> int:
    """The position of the next character that is not JSON whitespace."""
    if text[at : at + 1] not in _BLANKS:
        return at
    match = _SPACE.match(text, at)
    return match.end() if match else at


class FeatureSink(Protocol):
    """Takes a FeatureCollection's features one by one as they are parsed, instead of a list of them all."""

    def start(self, root: dict[str, Any]) -> bool:
        """Called with the members parsed before "features"; returns whether to be handed the features."""

    def feature(self, index: int, raw: Any) -> None:
        """The ``index``-th feature, parsed; it is not kept in the result (``features`` is an empty list)."""


class GivenTwice(Exception):
    """The top-level object gives a member a second time once features were handed to the sink ("features"
    itself, or "documents" the sink was started with): the last one counts (as in ``json.loads``), so the caller
    parses the file whole instead."""


class StartAgain(Exception):
    """The quick parse handed features to the sink before it found something to report: parse again, the
    exact way (``quick=False``), with a new sink."""


def load_geojson(path: Path, shown_as: str, progress: Progress = no_progress,
                 notes: list[Problem] | None = None, sink: FeatureSink | None = None, quick: bool = True) -> Any:
    """The parsed file; raises BundleError naming the place when it cannot be read.

    Numbers beyond float range are refused with their line and column; keys given twice in one object are
    warned about in ``notes`` (when given), with the feature or member they are in. With a ``sink``, the
    features of a FeatureCollection go to it as they are parsed, and the result's ``features`` is empty.
    Raises `StartAgain` when the quick parse (``quick``) fed the sink and then found something to report, and
    `GivenTwice` when the exact parse fed it and then met a member given a second time.
    """
    try:
        data = read_regular(path, MAX_JSON_BYTES)
    except FileRefused as error:
        raise BundleError([Problem(shown_as, "", str(error))]) from None
    if quick and len(data) >= QUICK_FROM_BYTES:
        from viewer.io.bundle.json_fast import NotFast, parse_fast

        try:
            return parse_fast(data, sink, progress)
        except NotFast as failed:
            if failed.touched:
                raise StartAgain from None
    parser = _Parser(shown_as, progress, sink)
    try:
        text = data.decode("utf-8-sig")
        del data  # the text is all the parser needs; read again only if it fails
        root = parser.parse(text)
    except NonFinite as error:
        where = place_of(text, error.token, parser.item_start)
        raise BundleError([Problem(shown_as, where, non_finite_message(error.token))]) from None
    except (ValueError, IndexError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        try:
            data = read_regular(path, MAX_JSON_BYTES)
        except FileRefused as error:
            raise BundleError([Problem(shown_as, "", str(error))]) from None
        return parse_json(data, shown_as)  # raises with the message every launchmap command prints
    if notes is not None:
        notes.extend(Problem(shown_as, where, duplicate_message(key), Severity.WARNING)
                     for where, key in parser.duplicates)
    return root


class _Parser:
    """One parse: the top-level object member by member, its ``features`` one feature at a time."""

    def __init__(self, shown_as: str, progress: Progress, sink: FeatureSink | None = None):
        self.progress = progress
        self.sink = sink
        self.decoder = CheckedDecoder()
        self.duplicates: list[tuple[str, str]] = []  # (where, key)
        self.item_start = 0  # where the value being decoded starts, to find a bad number after it
        self.streamed = False  # features were handed to the sink

    def decode(self, text: str, at: int, where: str) -> tuple[Any, int]:
        self.item_start = at
        value, end = self.decoder.raw_decode(text, at)
        if self.decoder.duplicates:
            self.duplicates.extend((where, key) for key in self.decoder.duplicates)
            self.decoder.duplicates.clear()
        return value, end

    def parse(self, text: str) -> Any:
        at = _skip(text, 0)
        if not text.startswith("{", at):
            return self.whole(text)
        root: dict[str, Any] = {}
        at = _skip(text, at + 1)
        if text.startswith("}", at):
            return self.whole(text)
        while True:
            if not text.startswith('"', at):
                raise JSONDecodeError("Expecting property name enclosed in double quotes", text, at)
            key, at = _scanstring(text, at + 1)
            at = _skip(text, at)
            if not text.startswith(":", at):
                raise JSONDecodeError("Expecting ':' delimiter", text, at)
            at = _skip(text, at + 1)
            if key in root:
                self.duplicates.append(("", key))
                if self.streamed:
                    raise GivenTwice
            if key == "features" and text.startswith("[", at):
                streamed = self.sink is not None and "features" not in root and self.sink.start(root)
                self.streamed = self.streamed or streamed
                root[key], at = self.array(text, at, streamed)
            else:
                root[key], at = self.decode(text, at, key)
            at = _skip(text, at)
            if text.startswith("}", at):
                break
            if not text.startswith(",", at):
                raise JSONDecodeError("Expecting ',' delimiter", text, at)
            at = _skip(text, at + 1)
        end = _skip(text, at + 1)
        if end != len(text):
            raise JSONDecodeError("Extra data", text, end)
        self.progress(len(text), len(text))
        return root

    def whole(self, text: str) -> Any:
        value, end = self.decode(text, _skip(text, 0), "")
        if _skip(text, end) != len(text):
            raise JSONDecodeError("Extra data", text, end)
        return value

    def array(self, text: str, at: int, streamed: bool = False) -> tuple[list[Any], int]:
        """The features array, or (``streamed``) an empty list, each feature handed to the sink instead."""
        items: list[Any] = []
        count = 0
        at = _skip(text, at + 1)
        if text.startswith("]", at):
            return items, at + 1
        while True:
            item, at = self.decode(text, at, f"features[{count}]")
            if streamed:
                self.sink.feature(count, item)  # type: ignore[union-attr]
            else:
                items.append(item)
            count += 1
            if count % _REPORT_EVERY == 0:
                self.progress(at, len(text))
            at = _skip(text, at)
            if text.startswith("]", at):
                return items, at + 1
            if not text.startswith(",", at):
                raise JSONDecodeError("Expecting ',' delimiter", text, at)
            at = _skip(text, at + 1)
