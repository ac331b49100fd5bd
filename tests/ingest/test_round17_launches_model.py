"""Issue 17, round 17: the learned launch-day model (launch_day_model.py): hashed features of a day in its sentence,
weights kept as JSON, and a model, when one is in use, adding the days it scores a launch's to those the rules find.
Every text here was written for the test."""

from __future__ import annotations

import json
from datetime import date

import pytest

from viewer.ingest.launch_day_model import LaunchDayModel, features, launch_day_model, use_model, use_shipped
from viewer.ingest.launch_mentions import candidate_days, launch_days
from viewer.ingest.sentences import split_sentences

LOG = "Range log, 2031\n\n- 11 FEB 2031 Hwasong-30: lost at 90 s, debris off the west coast.\n"


def _day(text: str):
    sentence = next(s for s in split_sentences(text) if "FEB" in text[s.start : s.end])
    return sentence, next(candidate_days(text, sentence, date(2031, 3, 1)))


@pytest.fixture
def restore_model():
    yield
    use_shipped()


def test_the_features_of_a_day_are_the_same_wherever_the_sentence_stands():
    sentence, mention = _day(LOG)
    moved = "Another heading\n\n" + LOG
    sentence2, mention2 = _day(moved)
    assert features(LOG, sentence, mention) == features(moved, sentence2, mention2)


def test_weights_go_to_json_and_back_and_refuse_another_dimension():
    model = LaunchDayModel({3: 1.25, 7: -0.5}, 2.0)
    again = LaunchDayModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.weights == {3: 1.25, 7: -0.5}
    assert again.threshold == 2.0
    with pytest.raises(ValueError, match="slots"):
        LaunchDayModel.from_json({**model.to_json(), "dimension": 16})


def test_a_day_the_model_scores_a_launchs_is_found_where_no_launch_word_is(restore_model):
    sentence, mention = _day(LOG)
    assert launch_days(LOG, split_sentences(LOG), date(2031, 3, 1), []) == []  # the rules: no launch word
    model = LaunchDayModel(dict.fromkeys(features(LOG, sentence, mention), 1.0), 5.0)
    use_model(model)
    assert launch_day_model() is model
    assert [m.value for _, m in launch_days(LOG, split_sentences(LOG), date(2031, 3, 1), [])] == [date(2031, 2, 11)]
    use_model(None)
    assert launch_days(LOG, split_sentences(LOG), date(2031, 3, 1), []) == []
