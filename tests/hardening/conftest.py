"""Hypothesis profiles for the generated attacks: the suite's own run is short; `--hypothesis-profile=deep` runs
each strategy long enough to matter (`pytest tests/hardening --hypothesis-profile=deep`)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
