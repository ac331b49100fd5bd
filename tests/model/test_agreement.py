"""Claims compared as values with their precision: times in UTC, numbers with units, names folded."""

from __future__ import annotations

import pytest

from viewer.model.agreement import Verdict, compare


@pytest.mark.parametrize(("values", "prop", "label"), [
    (["2016-02-06T19:29:00-05:00", "2016-02-07T00:30:00Z"], "time", "sources agree (±1 min)"),  # 19:29 ET
    (["2016-02-07T09:31:00+09:00", "2016-02-07T00:30Z"], "time", "sources agree (±1 min)"),  # Japan vs UTC
    (["2023-11-21T22:42:28+09:00", "2023-11-21T13:42:28Z"], "time", "sources agree"),
    (["2023-05", "2023-05-30T21:27:00Z"], "time", "sources agree (to the month)"),
    (["Thursday", "2023-08-23T18:50:00Z"], "time", "sources agree (weekday only)"),  # Thursday in Korea
    (["Tuesday evening", "2023-11-21T13:42:00Z"], "time", "sources agree (weekday only)"),
    (["2023-08-24/2023-08-31", "2023-08-24T00:00:00+09:00/2023-08-31T00:00:00+09:00"], "launch_window",
     "sources agree (to the day)"),
    ([94, 94.4], "orbit_period_min", "sources agree (±1 min)"),
    (["2,000 km", 2000], "distance_km", "sources agree"),
    (["Okinawa prefecture", " Okinawa  Prefecture"], "area", "sources agree"),
    (["orbit", "orbit", "Orbit"], "outcome", "sources agree"),
])
def test_values_within_their_precision_agree(values, prop, label):
    agreement = compare(values, prop)
    assert not agreement.disagree
    assert agreement.label == label


@pytest.mark.parametrize(("values", "prop"), [
    (["success", "failure"], "outcome"),  # August 2023: the article says success; it failed
    (["2023-11-15", "2023-08-24"], "date"),
    (["2016-02-07T09:39:00+09:00", "2016-02-07T09:41:00+09:00"], "time"),  # two minutes apart at minute precision
    (["Monday", "2023-08-23T18:50:00Z"], "time"),
    (["island of Okinawa", "Okinawa Prefecture"], "area"),
    ([600, 650], "distance_km"),
    (["2,000 km", "2,000 s"], "distance"),
    (["orbit", "orbit", "failure"], "outcome"),
])
def test_genuine_differences_disagree(values, prop):
    agreement = compare(values, prop)
    assert agreement.disagree
    assert agreement.label == "sources disagree"


def test_descriptions_are_worded_differently_not_in_disagreement():
    agreement = compare(["unstable and unreliable engine system and fuel",
                         "2nd-stage engine started abnormally; lost thrust after 1st-stage separation"],
                        "failure_cause")
    assert agreement.verdict is Verdict.WORDED
    assert not agreement.disagree


def test_one_claim_agrees_with_itself():
    assert compare(["orbit"], "outcome").verdict is Verdict.SAME
