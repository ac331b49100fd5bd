"""Score ingest: precision and recall per field on the hand-written corpus (tests/data/ingest_corpus: articles
and notices with truth), the sample scored against the curated bundle, and with --dates the date libraries
next to ingest's own rules.

`.venv/bin/python tools/evaluate_ingest.py [--corpus DIR] [--dates] [--misses]`
`.venv/bin/python tools/evaluate_ingest.py --sets DIR DIR ...` — one table, right / drafted / truth per set, with the
precision and recall of them all together (the README's all-sets table).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.ingest.corpus_score import score_articles, score_notices, table  # after the checkout is on the path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "ingest_corpus")
    parser.add_argument("--dates", action="store_true", help="compare python-dateutil and dateparser (if installed)")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--sets", type=Path, nargs="+", help="score several corpora into one table")
    args = parser.parse_args()
    if args.sets:
        print("\n".join(sets_table(args.sets)))
        return 0

    articles = score_articles(args.corpus / "articles")
    notices = score_notices(args.corpus / "notices")
    print(f"corpus {args.corpus}: articles")
    print("\n".join(table(articles)))
    print("\nnotices (areas: every corner within 0.01 degrees)")
    print("\n".join(table(notices)))
    if args.misses:
        for name, tally in {**articles, **notices}.items():
            for miss in tally.misses:
                print(f"  {name}: {miss}")
    if args.dates:
        from viewer.ingest.date_libraries import compare, compare_forms

        print("\ndates: ingest's rules next to the libraries")
        print("\n".join(compare(args.corpus / "articles")))
        print("\nKorean, Japanese and day-first forms, each alone (date_libraries.FORMS)")
        print("\n".join(compare_forms()))
    print("\nthe sample (data/articles) against the curated bundle:")
    from viewer.ingest.evaluate import main as sample

    stated = ROOT / "tests" / "data" / "ingest_corpus" / "sample_stated.json"
    return sample([str(ROOT / "data" / "articles"), str(ROOT / "data" / "launches.geojson"), str(stated)])


def sets_table(folders: list[Path]) -> list[str]:
    """One row per field: right / drafted / truth on each set, then precision and recall over all of them."""
    scored = []
    for folder in folders:
        scored.append({**score_articles(folder / "articles"), **score_notices(folder / "notices")})
    names = [folder.name for folder in folders]
    lines = ["| field | " + " | ".join(names) + " | all: precision | recall |",
             "|---" * (len(names) + 3) + "|"]
    for name in scored[0]:
        tallies = [tallies_of_set[name] for tallies_of_set in scored]
        right, drafted, truth = (sum(getattr(t, key) for t in tallies) for key in ("right", "drafted", "truth"))
        if not truth and not drafted:
            continue
        cells = [f"{t.right} / {t.drafted} / {t.truth}" if t.truth or t.drafted else "-" for t in tallies]
        precision = f"{right / drafted:.2f}" if drafted else "-"
        recall = f"{right / truth:.2f}" if truth else "-"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {precision} | {recall} |")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
