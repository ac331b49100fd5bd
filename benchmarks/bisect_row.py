"""Part (e)'s sample-only row at several commits, run again and again in interleaved rounds: which commit made the
event loop's gaps longer. `.venv/bin/python benchmarks/bisect_row.py e13c20c 8b90b15 main --rounds 6`.

Each commit is unpacked with `git archive` into a temporary folder and its own `map_benchmark.py` runs the row in a
process of its own (this checkout's venv, that commit's code first on the path); rounds go through the commits in a
new random order each time, so a busy minute falls on all of them alike. Printed per commit: medians and ranges of
the longest gap and p99 (wall), the same in the GUI thread's CPU time, and the CPU of every thread over the row.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child, inside the unpacked commit: the sample row of part (e), and each thread's CPU from /proc.
ROW = """
import json, os, sys, threading
tree = sys.argv[1]
sys.path[:0] = [tree, os.path.join(tree, "benchmarks")]
os.chdir(tree)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import map_benchmark as mb
from viewer.cli.common import load_workspace
assert mb.__file__.startswith(tree)
canvas = mb.regional_canvas(load_workspace([]))
def threads():
    tick, out = os.sysconf("SC_CLK_TCK"), {}
    for tid in os.listdir("/proc/self/task"):
        try:
            stat = open(f"/proc/self/task/{tid}/stat").read()
        except OSError:
            continue
        fields, name = stat[stat.rindex(")") + 2:].split(), stat[stat.index("(") + 1:stat.rindex(")")]
        name = "GUI thread" if int(tid) == threading.main_thread().native_id else name
        out[(int(tid), name)] = (int(fields[11]) + int(fields[12])) * 1000 / tick
    return out
before = threads()
gaps, cpu = mb.event_loop_gaps(canvas)
used = {}
for (tid, name), ms in threads().items():
    used[name] = used.get(name, 0) + ms - before.get((tid, name), 0)
print(json.dumps({"max": max(gaps), "p99": mb.percentile(gaps, 99), "cpu_max": max(cpu),
                  "cpu_p99": mb.percentile(cpu, 99), "load": os.getloadavg()[0], "threads": used}))
"""


def unpack(commit: str, into: Path) -> Path:
    tree = into / commit.replace("/", "_")
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "viewer")], check=True)
    return tree


def run_row(tree: Path) -> dict | None:
    done = subprocess.run([sys.executable, "-c", ROW, str(tree)], capture_output=True, text=True, timeout=600)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        print(f"{tree.name}: failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return json.loads(lines[-1])


def summary(runs: list[dict]) -> str:
    def spread(key: str) -> str:
        values = [run[key] for run in runs]
        return f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"

    threads: dict[str, list[float]] = {}
    for run in runs:
        for name, ms in run["threads"].items():
            threads.setdefault(name, []).append(ms)
    medians = sorted(((name, statistics.median(ms)) for name, ms in threads.items()), key=lambda item: -item[1])
    used = ", ".join(f"{name} {ms:.0f}" for name, ms in medians if ms >= 1)
    return (f"n={len(runs)} max {spread('max')} p99 {spread('p99')}; CPU max {spread('cpu_max')} "
            f"CPU p99 {spread('cpu_p99')}; load {spread('load')}; median CPU ms by thread: {used}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("commits", nargs="+", help="commits to compare (any git revision)")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="launchmap-bisect-") as folder:
        trees = {commit: unpack(commit, Path(folder)) for commit in args.commits}
        runs: dict[str, list[dict]] = {commit: [] for commit in args.commits}
        for round_number in range(args.rounds):
            order = list(args.commits)
            random.shuffle(order)
            for commit in order:
                run = run_row(trees[commit])
                if run is not None:
                    runs[commit].append(run)
            print(f"round {round_number + 1} of {args.rounds} done", file=sys.stderr, flush=True)
    print("part (e), the sample's layers only: gaps of a 5 ms timer in ms, median (range) over the rounds")
    for commit in args.commits:
        print(f"{commit}: {summary(runs[commit]) if runs[commit] else 'no run'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
