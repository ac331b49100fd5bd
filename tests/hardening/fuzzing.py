"""What every generated attack checks: a file is refused in one line naming it (and a place), or it opens, and what
launchmap writes of it opens again with the same features. Each example is bounded in time: a hang fails."""

from __future__ import annotations

import contextlib
import csv
import signal
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, settings

from viewer.io.convert import export_bundle
from viewer.io.load import open_path
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError

EXAMPLE_SECONDS = 120  # generous: the machine is shared and loaded (an example once took 60 s); a hang is minutes


def fuzz_settings(examples: int) -> settings:
    """``examples`` in the suite's own run; the loaded profile's count under `--hypothesis-profile=deep`."""
    deep = settings.get_current_profile_name() == "deep"
    return settings(
        max_examples=settings.default.max_examples if deep else examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
    )


class Hang(Exception):
    pass


@contextlib.contextmanager
def bounded(seconds: float = EXAMPLE_SECONDS) -> Iterator[None]:
    def stop(signum, frame):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def refused_or_read(path: Path, shown_as: str | None = None) -> Bundle | None:
    """The bundle read from ``path``, or None when it was refused in one line that names the file first."""
    with bounded():
        try:
            bundle, problems = open_path(path, shown_as=shown_as)
        except BundleError as error:
            refusal: BundleError | None = error
        else:
            refusal = None
    if refusal is not None:
        assert "\n" not in str(refusal), refusal
        assert all(str(problem).startswith(f"{shown_as or path}") for problem in refusal.problems), refusal.problems
        return None
    for problem in problems:
        assert "\n" not in str(problem), problem
    return bundle


def written_back(bundle: Bundle, folder: Path, suffixes=(".geojson", ".gpkg", ".kmz", ".csv")) -> None:
    """Each format launchmap writes opens again, with as many features as were written (in CSV, a feature with
    nothing in it is a row of empty cells: skipped when read back, with a warning that says so)."""
    for suffix in suffixes:
        out = folder / f"written{suffix}"
        with bounded():
            export_bundle(bundle, out)
            try:
                again, problems = open_path(out)
            except BundleError as error:
                raise AssertionError(f"launchmap cannot read back what it wrote as {suffix}: {error}") from None
        expected = len(bundle.features)
        if suffix == ".csv":  # a feature with nothing in it (no id, geometry, event or property) is a blank row
            expected -= _empty_rows(out)
        assert len(again.features) == expected, suffix
        if expected < len(bundle.features):
            assert any("every cell empty" in str(problem) for problem in problems), problems
        out.unlink()


def _empty_rows(path: Path) -> int:
    """Rows of the CSV written whose every cell is empty or blank (read by the csv module, not by launchmap)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    return sum(1 for row in rows if len(row) > 1 and not any(cell.strip() for cell in row))
