"""Is a calendar day written in a sentence the day of a launch? A logistic regression over hashed word, word-pair,
position and character features of the sentence around the day, trained on the corpus's truth (every set's launch
days; tools/train_launch_days.py), its weights stored as JSON (resources/ingest/launch_days.json, never pickle).

It reads what the launch-word rules cannot list: a log line "13 APR 2012 attempt: broke up after L/O", a caption
"PYONGYANG, March 24, 2022 — A large missile leaves a trail of fire", a note "The first Chollima-1 (31 May) is
covered in issue 22"."""

from __future__ import annotations

import itertools
import json
import math
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from viewer.ingest.sentences import Sentence
from viewer.ingest.times import DateMention

DIMENSION = 1 << 18  # hashed feature slots
_WORD = re.compile(r"[a-z][a-z'\u2019-]*|\d+")
_LETTERS = re.compile(r"[a-z][a-z'\u2019-]*")
NEAR_WORDS = 6  # words either side of the day, by position
CONTEXT_CHARS = 40  # characters before the day, as 4-grams


def _slot(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSION - 1)


def features(text: str, sentence: Sentence, mention: DateMention) -> list[int]:
    """The hashed features of the day ``mention`` in ``sentence``: the sentence's words and word pairs with the day
    written as DATE, the words just before and after it by position, and the 4-grams of the characters before it."""
    said = f"{text[sentence.start : mention.start]} DATE {text[mention.end : sentence.end]}".lower()
    words = _WORD.findall(said)
    found = {_slot("bias")}
    found.update(_slot(f"w:{w}") for w in words)
    found.update(_slot(f"b:{a} {b}") for a, b in itertools.pairwise(words))
    left = _LETTERS.findall(text[max(sentence.start, mention.start - 60) : mention.start].lower())[-NEAR_WORDS:]
    right = _LETTERS.findall(text[mention.end : min(sentence.end, mention.end + 60)].lower())[:NEAR_WORDS]
    found.update(_slot(f"L{len(left) - i}:{w}") for i, w in enumerate(left))
    found.update(_slot(f"R:{w}") for w in right)
    before = text[max(sentence.start, mention.start - CONTEXT_CHARS) : mention.start].lower()
    found.update(_slot(f"c:{before[i : i + 4]}") for i in range(len(before) - 3))
    return sorted(found)


class LaunchDayModel:
    """Weights by feature slot, and the score above which a day is a launch's."""

    def __init__(self, weights: dict[int, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LaunchDayModel:
        if data.get("dimension") != DIMENSION:
            raise ValueError(f"launch-day weights are for {data.get('dimension')} slots, not {DIMENSION}")
        return cls({int(slot): float(w) for slot, w in data["weights"]}, float(data["threshold"]))

    def to_json(self) -> dict[str, Any]:
        return {"dimension": DIMENSION, "threshold": self.threshold,
                "weights": [[slot, round(w, 4)] for slot, w in sorted(self.weights.items()) if abs(w) >= 1e-4]}

    def score(self, text: str, sentence: Sentence, mention: DateMention) -> float:
        return sum(self.weights.get(slot, 0.0) for slot in features(text, sentence, mention))

    def probability(self, text: str, sentence: Sentence, mention: DateMention) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.score(text, sentence, mention)))))

    def is_launch_day(self, text: str, sentence: Sentence, mention: DateMention) -> bool:
        return self.score(text, sentence, mention) >= self.threshold


_IN_USE: list[LaunchDayModel | None] = []  # a model set for a run (an evaluation's fold), else the shipped one


@lru_cache(maxsize=1)
def shipped_model() -> LaunchDayModel | None:
    """The shipped weights; None when there are none, and then only the rules find launch days. None are shipped:
    scored leave-one-set-out on the corpus, the model's extra days were launches about half the time, the rules'
    nearly always (docs/ingest-history.md, round 17)."""
    from viewer.resources import asset

    try:
        path: Path = asset("resources", "ingest", "launch_days.json")
    except FileNotFoundError:
        return None
    return LaunchDayModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def launch_day_model() -> LaunchDayModel | None:
    return _IN_USE[-1] if _IN_USE else shipped_model()


def use_model(model: LaunchDayModel | None) -> None:
    """Score with ``model`` from now on in this process (an evaluation's held-out fold); None: no model at all."""
    _IN_USE[:] = [model]


def use_shipped() -> None:
    """Score with the shipped weights again (if any)."""
    _IN_USE.clear()
