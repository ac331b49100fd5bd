"""Freed memory handed back to the system (large blocks at once, the rest after a large load or data change)
where the C library would keep it."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
LARGE_BLOCK = 128 * 1024  # bytes: blocks this large or more get pages of their own (glibc's starting threshold)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """glibc, or None elsewhere (macOS, Windows, musl: their allocators differ)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
        libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


@functools.cache
def large_blocks_apart() -> bool:
    """Keep every block of LARGE_BLOCK or more in pages of its own, returned to the system when freed (once a
    process; True if set). glibc starts so, but raises the threshold to the largest such block freed (up to 32 MB):
    after the window's first images and a load's first batches, a refresh's temporary arrays of a few MB were carved
    from the heap and stayed resident once freed (65 MiB of the window's peak at a million points, 23 MiB at 100,000
    lines). Their pages are faulted in afresh each time (~0.1 s for 300 MB of temporaries)."""
    libc = _libc()
    return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)) if libc is not None else False


def give_back() -> bool:
    """Return the free pages glibc's heaps hold to the system (`malloc_trim(0)`: every arena, the worker threads'
    too). A load's and a redraw's temporary arrays are freed into the heap, which keeps their pages resident: 125 MiB
    of the window's resident memory after opening a million points was such free memory. Takes ~10 ms; True if
    anything was returned."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
