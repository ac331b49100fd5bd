"""Freed memory the C library keeps resident is handed back to the system."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from viewer.io.free_memory import _libc

pytestmark = pytest.mark.skipif(_libc() is None, reason="glibc's allocator only")

# A process that first frees a 16 MB block (glibc then raises its threshold for blocks of pages of their own, as
# after the window's first images), then holds a hundred 1 MB blocks among small ones that live on and frees them:
# how much of them stays resident, in MiB.
KEPT = textwrap.dedent("""
    import ctypes, sys
    from viewer.io.free_memory import give_back

    def rss():
        with open("/proc/self/status") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:")) / 1024

    big = ctypes.create_string_buffer(16 << 20)
    del big
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
    # what the window's refreshes met: the freed blocks stayed resident. (Once in a whole parallel run glibc kept only
    # 4 MiB of them, cause not found; alone it keeps ~100 every time: the most of three runs is read.)
    assert max(kept_mib("as glibc keeps it") for _ in range(3)) > 50
    assert kept_mib("given back") < 10
