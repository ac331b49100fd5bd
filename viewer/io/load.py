"""The one way files are opened: the window, `validate`, `export`, `brief` and `convert` all call `open_path`,
so they accept the same files and report the same warnings."""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from viewer.io.bundle.articles import allowed_roots
from viewer.io.files import FileRefused, open_regular
from viewer.io.formats import Format, by_content
from viewer.io.formats.layer import errors_first
from viewer.io.free_memory import give_back
from viewer.io.progress import Progress, no_progress
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError, Problem
from viewer.wording import visible_controls


def open_path(path: str | Path, progress: Progress = no_progress, shown_as: str | None = None,
              documents_roots: Iterable[str | os.PathLike[str]] | None = None) -> tuple[Bundle, list[Problem]]:
    """A new bundle holding the file's features, and its warnings and recoverable errors.

    Any format launchmap reads, chosen by `format_of`. ``shown_as`` is the file's name in messages (default:
    ``path`` as given). Documents' article files are read from inside the file's folder only, or from inside
    ``documents_roots`` (default: the folders `allowed_roots` allows now). Raises BundleError
    (``FILE:WHERE: message``, errors first) when the file cannot be read, and Cancelled when ``progress``
    does; it never touches anything already open, so a failed load loses nothing.
    """
    path = Path(path)
    file = shown_as or visible_controls(str(path))  # a line break in a file's name: its message stays one line
    roots = contextlib.nullcontext() if documents_roots is None else allowed_roots(documents_roots)
    try:
        with _bulk_load(), roots:
            bundle, problems = format_of(path, file).reader(path, progress, file)
            _loaded(len(bundle.features))
            return bundle, problems
    except BundleError as error:
        raise BundleError(errors_first(error.problems)) from None


def format_of(path: Path, shown_as: str | None = None) -> Format:
    """The file's format: by content where it is unmistakable (SQLite, zip), else by suffix, else by first byte."""
    try:
        with open_regular(path) as handle:
            head = handle.read(64)
    except FileRefused as error:
        raise BundleError([Problem(shown_as or str(path), "", str(error))]) from None
    except OSError as error:
        raise BundleError([Problem(shown_as or str(path), "", f"cannot read: {error.strerror or error}")]) from None
    return by_content(head, path.suffix)


_loads = 0
_loads_lock = threading.Lock()
_gc_was_enabled = True
_features_loaded = 0  # by the loads running now
STAY_FROZEN_FROM = 20_000  # features: a load of more leaves what it made frozen (see _bulk_load)
_large_frozen = False  # a large load was frozen: later loads are frozen too (see _bulk_load)


def _loaded(count: int) -> None:
    global _features_loaded
    with _loads_lock:
        _features_loaded += count


@contextlib.contextmanager
def _bulk_load() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading: a load makes millions of objects that all live
    on, and each collection would walk them again (a 100,000-feature file loads three times faster)."""
    global _loads, _gc_was_enabled, _features_loaded, _large_frozen
    with _loads_lock:
        if _loads == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _loads += 1
    try:
        yield
    finally:
        with _loads_lock:
            _loads -= 1
            if _loads == 0 and _gc_was_enabled:
                # What was loaded lives on, so it is frozen out of the collector's walks without walking any of it
                # (freeze moves every tracked object to the permanent generation). A large load's stays frozen (as
                # the CPython docs advise for long-lived objects): no later collection walks a million features
                # and geometries again (1-2 s a full collection at a million points). A bundle holds no reference
                # cycle, so it is freed when dropped all the same; `viewer.qt.map.long_lived` unfreezes and
                # collects everything now and then, for any cycle that was frozen with it. A small load's is not
                # frozen, collected as usual: walking it costs little, and garbage frozen with it would wait for that
                # full collection. (Freezing it and unfreezing at once, as before, unfroze all that was frozen, a
                # large load's too: a small file opened after a million points had the next full collection walk
                # them all, 0.9-1.7 s.) Once a large load was frozen every load is, a small one too: a GeoPackage's
                # batches unfreeze all that is frozen to collect each read's cycles (gpkg.batches), and only a
                # freeze here puts a large load's objects back.
                if _features_loaded >= STAY_FROZEN_FROM:
                    _large_frozen = True
                if _large_frozen:
                    gc.freeze()
                gc.enable()
            if _loads == 0:
                if _features_loaded >= STAY_FROZEN_FROM:
                    give_back()  # the reader's temporary arrays (a few hundred MB at a million features) back
                _features_loaded = 0
