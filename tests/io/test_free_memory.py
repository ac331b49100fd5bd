"""Freed memory the C library keeps resident is handed back to the system."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from viewer.io.free_memory import _libc

pytestmark = pytest.mark.skipif(_libc() is None, reason="glibc's allocator only")

# A process that holds a hundred 1 MB blocks among small ones that live on, and frees them: how much of them stays
# resident, in MiB. glibc's thresholds are set first, as the window's first images leave them (blocks up to 16 MB
# from the heap, no trimming at its top): left to move on their own they kept ~100 MiB in a process alone and ~4 in
# the whole parallel test run (both every time; cause not found), so the test would not say what give_back did.
KEPT = textwrap.dedent("""
    import ctypes, sys
    from viewer.io.free_memory import _libc, give_back

    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
    _libc().mallopt(M_MMAP_THRESHOLD, 16 << 20)
    _libc().mallopt(M_TRIM_THRESHOLD, 1 << 30)

    def rss():
        with open("/proc/self/status") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:")) / 1024

    before = rss()
    blocks, kept_alive = [], []
    for _ in range(100):  # each followed by a small block that lives on, as a refresh's arrays are
        blocks.append(ctypes.create_string_buffer(1 << 20))
        kept_alive.append(ctypes.create_string_buffer(4096))
    del blocks
    if sys.argv[1] == "given back":
        give_back()
    print(rss() - before)
""")


def kept_mib(how: str) -> float:
    result = subprocess.run([sys.executable, "-c", KEPT, how], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def test_give_back_returns_the_heaps_free_pages():
    assert kept_mib("as glibc keeps it") > 50  # what the window's refreshes met: the freed blocks stayed resident
    assert kept_mib("given back") < 10
