"""The Undo menu names the feature an edit changed by its label, as the user knows it, not by its id."""

from __future__ import annotations

import pytest

from viewer.io.bundle.reader import read_bundle
from viewer.model.edits import AcceptDraft, EditProperties, EditProperty, MovePoint, RejectDraft, described
from viewer.resources import sample_bundle

FALL = "2023-11-21-chollima1/impact-point"


@pytest.fixture
def sample():
    bundle, _ = read_bundle(sample_bundle())
    return bundle


def test_an_edit_names_its_feature_by_label(sample):
    """Found in use: 'Undo Edit label of 2023-11-21-chollima1/impact-point' after renaming a fall point."""
    label = sample.features[FALL].label
    text = described(EditProperties(FALL, {"label": "2nd stage debris"}), sample)
    assert text == f"Edit label of “{label}”"
    assert FALL not in text
    assert described(EditProperty(FALL, "certainty", "reported"), sample) == f"Set certainty of “{label}”"
    assert described(AcceptDraft(FALL), sample) == f"Accept “{label}”"
    assert described(RejectDraft(FALL), sample) == f"Reject “{label}”"
    assert described(MovePoint(FALL, 128.0, 12.0), sample).startswith("Move point of “")


def test_a_long_label_is_shortened_and_a_nameless_feature_keeps_its_id(sample):
    sample.features[FALL].properties["label"] = "A very long name\nwith a line break " + "x" * 80
    text = described(EditProperties(FALL, {"kind": "impact_point"}), sample)
    assert text.startswith("Edit kind of “A very long name with a line break")
    assert text.endswith("…”")
    assert len(text) < 80
    sample.features[FALL].properties["label"] = ""
    assert described(EditProperties(FALL, {"kind": "impact_point"}), sample) == f"Edit kind of {FALL}"
