"""The command line runs numpy's BLAS on one thread (launchmap makes no BLAS call; each further thread spun at every
start), unless the user set the number of threads."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from viewer.resources import sample_bundle

SCRIPT = """
import os, sys
from viewer import cli
status = cli.main(["validate", sys.argv[1]])
import numpy  # imported by the command already
print(status, len(os.listdir("/proc/self/task")))
"""


def threads_after_a_command(env: dict[str, str]) -> int:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(sample_bundle())], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    status, threads = done.stdout.split()[-2:]
    assert status == "0"
    return int(threads)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
def test_a_command_runs_numpy_on_one_thread_unless_the_user_asks_for_more():
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    assert threads_after_a_command(env) == 1
    if (os.cpu_count() or 1) > 1:  # OpenBLAS starts a thread for each further core, up to the number asked for
        assert threads_after_a_command({**env, "OPENBLAS_NUM_THREADS": "2"}) == 2
