"""Freed memory handed back to the system after a large load or data change, where the C library keeps it."""

from __future__ import annotations

import ctypes
import functools
import sys


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """glibc, or None elsewhere (macOS, Windows, musl: their allocators differ)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes.util  # imports subprocess (~5 ms): only when memory is handed back, not at every start

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


def give_back() -> bool:
    """Return the free pages glibc's heaps hold to the system (`malloc_trim(0)`: every arena, the worker threads'
    too). A load's and a redraw's temporary arrays are freed into the heap, which keeps their pages resident: 125 MiB
    of the window's resident memory after opening a million points was such free memory. Takes ~10 ms; True if
    anything was returned.

    (Keeping large blocks in pages of their own from the start, glibc's mallopt M_MMAP_THRESHOLD fixed at 128 KiB,
    lowered the window's peak by ~50 MiB at a million points and ~10 MiB at 100,000 lines, but each temporary array
    then faulted its pages in afresh: ~0.3 s more CPU opening the 100,000 lines, three runs of each. Not done.)"""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
