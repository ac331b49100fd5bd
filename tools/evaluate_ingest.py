"""Score ingest on the sample corpus: draft data/articles/ and compare it with the curated data/launches.geojson,
printing precision and recall per kind with every miss explained.

`.venv/bin/python tools/evaluate_ingest.py [ARTICLES] [CURATED]` (the same as `python -m viewer.ingest.evaluate`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.ingest.evaluate import main  # after the checkout is on the path

if __name__ == "__main__":
    raise SystemExit(main())
