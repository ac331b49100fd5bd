"""Where the event loop's stalls go: a watchdog thread samples the GUI thread's Python stack while a tick is late,
and every thread's CPU time and the GUI thread's run-queue wait, so each gap over the limit can be attributed.
Used by map_benchmark.py part (e) with `--stalls`; Linux only (it reads /proc/self/task)."""

from __future__ import annotations

import collections
import itertools
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_MS = 4.0  # how often the watchdog looks while a tick is late
LATE_MS = 15.0  # a tick later than this starts sampling (the probe ticks every 5 ms)
TIMES_EVERY_MS = 20.0  # how often, within a gap, every thread's CPU time is read
TASKS = Path("/proc/self/task")


def thread_times() -> dict[int, tuple[str, float, float]]:
    """Per native thread id: its name, CPU seconds (user + system) and seconds spent waiting for a CPU."""
    tick = os.sysconf("SC_CLK_TCK")
    times = {}
    for task in TASKS.iterdir():
        try:
            stat = (task / "stat").read_text()
            sched = (task / "schedstat").read_text().split()
        except OSError:  # the thread ended meanwhile
            continue
        name = stat[stat.index("(") + 1: stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        # schedstat: ns on a CPU, ns waiting on a run queue (finer than stat's clock ticks)
        times[int(task.name)] = (name, int(sched[0]) / 1e9 if sched else (int(fields[11]) + int(fields[12])) / tick,
                                 int(sched[1]) / 1e9 if len(sched) > 1 else 0.0)
    return times


@dataclass
class Gap:
    start: float  # perf_counter of the last tick before the gap
    stacks: list[tuple[tuple[str, str, int], ...]] = field(default_factory=list)
    first: dict[int, tuple[str, float, float]] | None = None  # thread times at the first sample
    last: dict[int, tuple[str, float, float]] | None = None
    first_at: float = 0.0
    last_at: float = 0.0


class StallWatch:
    """Start before the probe runs, `tick()` from the probe, `stop()` after; `report(gaps)` attributes each gap."""

    def __init__(self) -> None:
        self._main = threading.main_thread().ident
        self._main_native = threading.main_thread().native_id
        self._last_tick = time.perf_counter()
        self._gaps: dict[float, Gap] = {}
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-watch", daemon=True)
        self.start_times: dict[int, tuple[str, float, float]] = {}
        self.end_times: dict[int, tuple[str, float, float]] = {}
        self._own: int | None = None

    def start(self) -> None:
        self.start_times = thread_times()
        self._running.set()
        self._thread.start()
        self._own = self._thread.native_id

    def stop(self) -> None:
        self._running.clear()
        self._thread.join()
        self.end_times = thread_times()

    def tick(self, at: float) -> None:
        """The probe ticked at `at` (its perf_counter): the gap that ended is known by the tick before."""
        self._last_tick = at

    def _run(self) -> None:
        while self._running.is_set():
            time.sleep(SAMPLE_MS / 1e3)
            last = self._last_tick
            now = time.perf_counter()
            if (now - last) * 1e3 < LATE_MS:
                continue
            frame = sys._current_frames().get(self._main or 0)  # how faulthandler samples a thread
            stack: list[tuple[str, str, int]] = []
            while frame is not None and len(stack) < 40:
                code = frame.f_code
                stack.append((code.co_filename, code.co_name, frame.f_lineno))
                frame = frame.f_back
            gap = self._gaps.setdefault(last, Gap(last))
            gap.stacks.append(tuple(stack))
            if gap.first is None or (now - gap.last_at) * 1e3 >= TIMES_EVERY_MS:  # /proc reads cost ~1 ms
                times = thread_times()
                if gap.first is None:
                    gap.first, gap.first_at = times, now
                gap.last, gap.last_at = times, now

    # -- the report -------------------------------------------------------------------------------------------
    def report(self, ticks: list[tuple[float, float]], over_ms: float = 50.0, top: int = 12) -> str:
        """Each tick gap over `over_ms`: where the GUI thread's stack was (its innermost launchmap frame and its
        innermost frame), and over all of them which threads ran, and how long the GUI thread ran, waited for a
        CPU or slept (a sleep inside a gap is waiting for the GIL or a lock)."""
        big = [(a[0], (b[0] - a[0]) * 1e3, (b[1] - a[1]) * 1e3) for a, b in itertools.pairwise(ticks)
               if (b[0] - a[0]) * 1e3 > over_ms]
        if not big:
            return f"no gap over {over_ms:g} ms"
        causes: collections.defaultdict[str, float] = collections.defaultdict(float)
        leaves: collections.defaultdict[str, float] = collections.defaultdict(float)
        entries: collections.defaultdict[str, float] = collections.defaultdict(float)
        threads: collections.defaultdict[str, float] = collections.defaultdict(float)
        main_run = main_wait = total = 0.0
        lines = []
        busiest = []  # (GUI CPU, gap, where its samples were): under load the longest gaps are waits, not work
        names = self._names()
        total_cpu = 0.0
        for start, gap_ms, cpu_ms in big:
            gap = self._gaps.get(start)
            total += gap_ms
            total_cpu += cpu_ms
            if gap is None or not gap.stacks:
                causes["(no sample: the watchdog itself did not run)"] += cpu_ms
                continue
            share = cpu_ms / len(gap.stacks)  # the GUI thread's CPU in the gap, spread over its samples
            for stack in gap.stacks:
                causes[_ours(stack)] += share
                leaves[_frame(stack[0]) if stack else "?"] += share
                entries[_entry(stack)] += share
            if gap.first is not None and gap.last is not None and gap.last_at > gap.first_at:
                for tid, (name, cpu, wait) in gap.last.items():
                    before = gap.first.get(tid)
                    if before is None:
                        continue
                    if tid == self._main_native:
                        main_run += (cpu - before[1]) * 1e3
                        main_wait += (wait - before[2]) * 1e3
                    else:
                        threads[names.get(tid, name)] += (cpu - before[1]) * 1e3
            middle = gap.stacks[len(gap.stacks) // 2]
            lines.append(f"  {gap_ms:6.0f} ms (CPU {cpu_ms:3.0f})  {_entry(middle)}: {_ours(middle)}")
            where = collections.Counter(_ours(stack) for stack in gap.stacks).most_common(3)
            busiest.append((cpu_ms, gap_ms, f"{_entry(middle)}: " + "; ".join(f"{n}x {w}" for w, n in where)))
        sampled = sum(g.last_at - g.first_at for s, *_ in big if (g := self._gaps.get(s)) and g.first) * 1e3
        out = [f"{len(big)} gaps over {over_ms:g} ms, {total:.0f} ms in all, GUI thread CPU {total_cpu:.0f} ms; "
               "worst first (handler: where the middle sample was):",
               *sorted(lines, key=lambda s: -float(s.split()[0]))[:top],
               "most GUI thread CPU first (what the thread itself did; samples by innermost launchmap frame):",
               *(f"  CPU {cpu:4.0f} ms (gap {gap:4.0f})  {where}" for cpu, gap, where in
                 sorted(busiest, key=lambda b: -b[0])[:5]),
               "GUI thread CPU in the gaps by event handler (ms, each gap's CPU spread over its samples):",
               *(f"  {ms:6.0f}  {name}" for name, ms in _most(entries, top)),
               "... by its innermost launchmap frame:",
               *(f"  {ms:6.0f}  {name}" for name, ms in _most(causes, top)),
               "... by its innermost frame:",
               *(f"  {ms:6.0f}  {name}" for name, ms in _most(leaves, top)),
               f"over the {sampled:.0f} ms the watchdog saw of them: GUI thread on a CPU {main_run:.0f} ms, waiting "
               f"for a CPU {main_wait:.0f} ms, else asleep (the GIL, a lock) "
               f"{max(0.0, sampled - main_run - main_wait):.0f} ms; "
               "other threads' CPU:",
               *(f"  {ms:6.0f}  {name}" for name, ms in _most(threads, 6) if ms >= 1)]
        return "\n".join(out)

    def _names(self) -> dict[int, str]:
        names = {t.native_id: t.name for t in threading.enumerate() if t.native_id is not None}
        return {**names, self._own or 0: "stall-watch (this report)"}

    def thread_cpu(self) -> str:
        """CPU time per thread name over the whole watch (ms), and the GUI thread's run-queue wait."""
        used: collections.defaultdict[str, float] = collections.defaultdict(float)
        wait = 0.0
        names = self._names()
        for tid, (name, cpu, queued) in self.end_times.items():
            before = self.start_times.get(tid, (name, 0.0, 0.0))
            label = "GUI thread" if tid == self._main_native else names.get(tid, name)
            used[label] += (cpu - before[1]) * 1e3
            if tid == self._main_native:
                wait = (queued - before[2]) * 1e3
        return ("CPU ms by thread over the round: "
                + ", ".join(f"{n} {ms:.0f}" for n, ms in _most(used, 8) if ms >= 1)
                + f"; GUI thread waited for a CPU {wait:.0f} ms")


def _most(tally: dict[str, float], count: int) -> list[tuple[str, float]]:
    """The ``count`` largest entries, largest first (as Counter.most_common, for float tallies)."""
    return sorted(tally.items(), key=lambda item: -item[1])[:count]


def _frame(entry: tuple[str, str, int]) -> str:
    path, name, line = entry
    parts = Path(path).parts
    short = "/".join(parts[parts.index("viewer"):]) if "viewer" in parts else "/".join(parts[-2:])
    return f"{short}:{line} {name}"


def _entry(stack: tuple[tuple[str, str, int], ...]) -> str:
    """The outermost frame the event loop called (a paint, a timer's slot), below the benchmark's own frames."""
    inner = [e for e in stack if not e[0].endswith(("map_benchmark.py", "stall_watch.py"))]
    return _frame(inner[-1]) if inner else "(no Python frame: Qt's own work, or waiting for the GIL to call one)"


def _ours(stack: tuple[tuple[str, str, int], ...]) -> str:
    """The innermost launchmap frame and the innermost frame, e.g. 'viewer/qt/map/x.py:12 paint > pyqtgraph/..."""
    leaf = _frame(stack[0]) if stack else "(no Python frame: the event loop in C++)"
    for entry in stack:
        if f"{os.sep}viewer{os.sep}" in entry[0]:
            mine = _frame(entry)
            return mine if entry is stack[0] else f"{mine} > {leaf}"
    return leaf
