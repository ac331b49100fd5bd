"""The one progress and cancel protocol for long work (loading, converting, image and deck export), free of Qt.

Long work takes a ``progress`` callback and calls ``progress(done, total)`` now and then (every few thousand
items, every chunk). The callback may raise `Cancelled` when the user asked to stop: the work lets it pass and
leaves nothing changed (atomic writes, a new bundle that is dropped). The Qt shell's worker turns the calls
into a progress dialog; work nobody watches gets `no_progress`; work in steps splits one bar with `stages`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# progress(done, total): called now and then by long work; raises Cancelled when the user asked to stop.
Progress = Callable[[int, int], None]

STEPS = 1000  # resolution of a whole job's bar when it is split into stages


class Cancelled(Exception):
    """The user cancelled the work; nothing was changed."""


def no_progress(done: int, total: int) -> None:
    """The progress callback for work nobody watches."""


def stages(progress: Progress, weights: Sequence[float]) -> list[Progress]:
    """One callback per consecutive stage of a job, sharing one bar in proportion to ``weights``.

    Reading a file is parsing then checking; each stage counts in its own units, the bar moves smoothly.
    """
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    scale = sum(weights)
    starts, at = [], 0.0
    for weight in weights:
        starts.append(at)
        at += weight / scale

    def stage(index: int) -> Progress:
        base, share = starts[index], weights[index] / scale

        def report(done: int, total: int) -> None:
            fraction = min(done / total, 1.0) if total > 0 else 0.0
            progress(round((base + share * fraction) * STEPS), STEPS)

        return report

    return [stage(index) for index in range(len(weights))]
