"""Where part (a)'s slow frames go: what each layer's screen cache did in every frame (moved its image and drew a
strip, showed it scaled, drew afresh, started a job), the labels placed afresh, and cProfile of the slowest 5 %.
Used by map_benchmark.py part (a) with `--explain`."""

from __future__ import annotations

import cProfile
import io
import pstats
import time

OPS = ("_pan", "_recentre", "_preview", "_draw_afresh", "_blit", "_start_job")
SHOWN_MS = 0.5  # operations quicker than this are left out of the report


class FrameRecorder:
    """Wraps the screen cache's operations and the label placement to record, per frame, what ran and its CPU time."""

    def __init__(self) -> None:
        from viewer.qt.draw.labels import LabelPainter
        from viewer.qt.map.screen_cache import ScreenCache

        self.frames: list[tuple[int, str, float, list[str]]] = []  # step, kind, CPU ms, what ran
        self._events: list[str] = []
        for name in OPS:
            self._wrap(ScreenCache, name, lambda cache: type(cache._item).__name__)
        self._wrap(LabelPainter, "placement", lambda _: "labels")

    def _wrap(self, cls, name: str, who) -> None:
        original = getattr(cls, name)
        events = self._events

        def recorded(this, *args, **kwargs):
            start = time.thread_time()
            try:
                return original(this, *args, **kwargs)
            finally:
                events.append(f"{who(this)} {name.strip('_')} {(time.thread_time() - start) * 1e3:.1f}")

        setattr(cls, name, recorded)

    def frame(self, step: int, kind: str, repaint) -> float:
        """Repaint, recording what ran; returns the repaint's CPU ms."""
        self._events.clear()
        start = time.thread_time()
        repaint()
        cpu = (time.thread_time() - start) * 1e3
        self.frames.append((step, kind, cpu, list(self._events)))
        return cpu

    def slowest(self, share: float = 0.05) -> list[tuple[int, str, float, list[str]]]:
        return sorted(self.frames, key=lambda f: -f[2])[: max(1, round(len(self.frames) * share))]

    def report(self, profile: pstats.Stats | None) -> str:
        lines = ["slowest 5 % of frames (GUI thread CPU ms; what the screen caches did, ms):"]
        for step, kind, cpu, events in self.slowest():
            shown = [e for e in events if float(e.rsplit(" ", 1)[1]) >= SHOWN_MS]
            lines.append(f"  step {step:3d} {kind:4s} {cpu:5.1f}: " + ", ".join(shown))
        if profile is not None:
            out = io.StringIO()
            profile.stream = out  # type: ignore[attr-defined]
            profile.sort_stats("tottime").print_stats(15)
            lines += ["cProfile of the same steps, replayed (tottime):", out.getvalue().strip()]
        return "\n".join(lines)


def profile_steps(canvas, steps, wanted: set[int], rest) -> pstats.Stats | None:
    """Replay the gesture steps as time_redraw does, profiling the repaints of the steps `wanted`."""
    profiler = cProfile.Profile()
    previous = None
    for index, (kind, step) in enumerate(steps):
        if kind != previous:
            rest(canvas)
            previous = kind
        step()
        if index in wanted:
            profiler.enable()
        canvas.viewport().repaint()
        if index in wanted:
            profiler.disable()
    try:
        return pstats.Stats(profiler)
    except TypeError:  # nothing was profiled
        return None
