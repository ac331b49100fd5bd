"""Train the launch-day model (viewer/ingest/launch_day_model.py) on the corpus's truth and score it leave-one-set-out.

Every calendar day a sentence of a corpus article writes that could be a launch's (launch_mentions.candidate_days) is
an example, labelled by whether the article's truth has a launch on that day. A logistic regression over the hashed
features is fitted with numpy (full-batch Adam, L2), and its weights written as JSON.

`.venv/bin/python tools/train_launch_days.py --sets DIR ... [--out resources/ingest/launch_days.json]`
`.venv/bin/python tools/train_launch_days.py --sets DIR ... --folds` — for each set, a model trained on the others
drafts that set: launch precision / recall pooled over the held-out sets, with the model and with the rules alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.ingest import read_files  # after the checkout is on the path
from viewer.ingest.article import ArticleError
from viewer.ingest.corpus_score import score_articles
from viewer.ingest.launch_day_model import DIMENSION, LaunchDayModel, features, use_model
from viewer.ingest.launch_mentions import candidate_days
from viewer.ingest.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = 2.0  # the score (log-odds) above which a day is a launch's: chosen on the held-out folds


def examples(folder: Path) -> tuple[list[list[int]], list[bool]]:
    """The candidate days of a set's articles: their features, and whether the truth has a launch that day."""
    truth_all = json.loads((folder / "articles" / "truth.json").read_text(encoding="utf-8"))
    rows: list[list[int]] = []
    labels: list[bool] = []
    for name in sorted(n for n in truth_all if not n.startswith("_")):
        try:
            article = read_files([folder / "articles" / name])[0]
        except ArticleError:
            continue
        days = {launch.get("date") for launch in truth_all[name]["launches"]}
        text = article.text
        for sentence in split_sentences(text):
            if sentence.end <= article.header_end:
                continue
            for mention in candidate_days(text, sentence, article.published, article.header_end):
                rows.append(features(text, sentence, mention))
                labels.append(mention.value is not None and mention.value.isoformat() in days)
    return rows, labels


def fit(rows: list[list[int]], labels: list[bool], l2: float = 1e-4, steps: int = 300, rate: float = 0.1
        ) -> LaunchDayModel:
    """Logistic regression by full-batch Adam over the hashed features."""
    weights = np.zeros(DIMENSION)
    if not rows:
        return LaunchDayModel({}, THRESHOLD)
    lengths = np.array([len(r) for r in rows])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    owner = np.repeat(np.arange(len(rows)), lengths)
    y = np.asarray(labels, dtype=float)
    first, second = np.zeros(DIMENSION), np.zeros(DIMENSION)
    for step in range(1, steps + 1):
        z = np.add.reduceat(weights[flat], starts)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.zeros(DIMENSION)
        np.add.at(grad, flat, ((p - y) / len(y))[owner])
        grad += l2 * weights
        first = 0.9 * first + 0.1 * grad
        second = 0.999 * second + 0.001 * grad * grad
        weights -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    used = np.unique(flat)
    return LaunchDayModel({int(slot): float(weights[slot]) for slot in used}, THRESHOLD)


def folds(sets: list[Path], threshold: float = THRESHOLD) -> list[str]:
    """Each set drafted with a model trained on the others, then with the rules alone: launch right / drafted /
    truth per set and pooled."""
    data = {folder: examples(folder) for folder in sets}
    pooled = {"model": [0, 0, 0], "rules": [0, 0, 0]}
    lines = ["| set | rules alone | with the model (trained on the other sets) |", "|---|---|---|"]
    for folder in sets:
        rows = [r for other in sets if other != folder for r in data[other][0]]
        labels = [label for other in sets if other != folder for label in data[other][1]]
        cells = []
        trained = fit(rows, labels)
        trained.threshold = threshold
        for name, model in (("rules", None), ("model", trained)):
            use_model(model)
            tally = score_articles(folder / "articles")["launch"]
            for i, value in enumerate((tally.right, tally.drafted, tally.truth)):
                pooled[name][i] += value
            cells.append(f"{tally.right} / {tally.drafted} / {tally.truth}")
        lines.append(f"| {folder.name} | " + " | ".join(cells) + " |")
    for name, (right, drafted, truth) in pooled.items():
        lines.append(f"pooled, {name}: launch precision {right / max(drafted, 1):.3f}, "
                     f"recall {right / max(truth, 1):.3f} ({right} / {drafted} / {truth})")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=Path, nargs="+", required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "ingest" / "launch_days.json")
    parser.add_argument("--folds", action="store_true", help="score leave-one-set-out instead of training")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="log-odds above which a day is a launch's")
    args = parser.parse_args()
    if args.folds:
        print("\n".join(folds(args.sets, args.threshold)))
        return 0
    rows, labels = [], []
    for folder in args.sets:
        more_rows, more_labels = examples(folder)
        rows += more_rows
        labels += more_labels
    model = fit(rows, labels)
    model.threshold = args.threshold
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rows)} days ({sum(labels)} launch days) from {len(args.sets)} sets -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
