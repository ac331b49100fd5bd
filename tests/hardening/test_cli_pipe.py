"""`launchmap validate … | head -1`: the reader closing the pipe early ends the command quietly, with no
"Broken pipe" line or traceback."""

from __future__ import annotations

import json
import subprocess
import sys


def test_a_closed_pipe_ends_validate_quietly(tmp_path):
    features = [{"type": "Feature", "id": f"f{i}", "geometry": {"type": "Point", "coordinates": [999, 0]},
                 "properties": {}} for i in range(20_000)]  # 20,000 lines of problems: more than a pipe holds
    bundle = tmp_path / "many_problems.geojson"
    bundle.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    command = [sys.executable, "-m", "viewer", "validate", str(bundle)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert b"longitude 999" in first
    assert errors == ""
    assert code == 141
