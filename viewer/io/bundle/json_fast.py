"""The quick parse of a JSON file: msgspec, with a count that proves no object gave a key twice.

msgspec parses about six times faster than the standard `json` module with the per-object and per-number
hooks launchmap's checks need, and refuses the same numbers (beyond float range, NaN, Infinity) and the
same malformed text. What it cannot see is a key given twice in one object: it keeps the last, silently.
So the colons are counted: every ``:`` of the file is either a key's (one per member written) or inside a
string. Encoding what was parsed writes one colon per member kept and the strings' colons again, so the
two counts agree exactly when no member was dropped (``\\u003a`` escapes, which decode to a colon, are
added to the file's side). Anything msgspec refuses, or a count that differs, is `NotFast`: the caller parses
again the exact, slower way, which finds the problem and says where it is.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any, Protocol

import msgspec

BATCH = 1000  # features decoded, counted and handed over at once (and between progress calls)


class NotFast(Exception):
    """The quick parse cannot give the exact result; ``touched`` tells whether features were already handed
    to the sink (then the caller starts again with a new one)."""

    def __init__(self, touched: bool = False):
        super().__init__()
        self.touched = touched


class Sink(Protocol):
    def start(self, root: dict[str, Any]) -> bool: ...

    def feature(self, index: int, raw: Any) -> None: ...


_members = msgspec.json.Decoder(dict[str, msgspec.Raw])
_raws = msgspec.json.Decoder(list[msgspec.Raw])
_values = msgspec.json.Decoder()
_encode = msgspec.json.Encoder().encode
_FAILED = (msgspec.DecodeError, msgspec.EncodeError, ValueError, RecursionError, OverflowError)


def parse_fast(data: bytes, sink: Sink | None, progress: Callable[[int, int], None]) -> Any:
    """What the exact parse returns for ``data`` (a file's bytes): a top-level object with its
    ``features`` handed to ``sink`` one by one as in `json_stream`. Raises `NotFast` instead when the file has
    anything to report (it may be fine: the exact parse decides)."""
    try:
        members = _members.decode(memoryview(data)[3:] if data.startswith(codecs.BOM_UTF8) else data)
    except _FAILED:
        raise NotFast from None  # not an object at the top, or not JSON, or a number out of range
    expected = data.count(b":") + data.count(b"\\u003a") + data.count(b"\\u003A")
    found = 0
    touched = False
    root: dict[str, Any] = {}
    try:
        for key, raw in members.items():
            found += 1 + key.count(":")
            if key == "features" and sink is not None and "features" not in root:
                try:
                    items = _raws.decode(raw)
                except msgspec.ValidationError:
                    items = None  # not an array: kept as a value, and refused by the reader
                if items is not None:
                    touched = touched or sink.start(root)
                    if touched:
                        found += _stream(items, sink, progress, len(data))
                        root[key] = []
                        continue
            value = _values.decode(raw)
            found += _encode(value).count(b":")
            root[key] = value
    except _FAILED:
        raise NotFast(touched) from None
    if found != expected:
        raise NotFast(touched)  # a key was given twice somewhere
    progress(len(data), len(data))
    return root


def _stream(items: list[Any], sink: Sink, progress: Callable[[int, int], None], size: int) -> int:
    """Hand each feature to the sink, a batch at a time; the colons their encoding holds (counted before
    the sink sees them, as it may add members)."""
    colons = 0
    count = len(items)
    for start in range(0, count, BATCH):
        end = min(start + BATCH, count)
        batch = _values.decode(b"[" + b",".join(items[start:end]) + b"]")
        items[start:end] = [None] * (end - start)  # each feature's text is needed no longer
        colons += _encode(batch).count(b":")
        for offset, raw in enumerate(batch):
            sink.feature(start + offset, raw)
        progress(size * end // max(count, 1), size)
    return colons
