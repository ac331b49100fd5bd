"""The PyInstaller spec lists its data files by hand; every file git tracks under resources/ and data/ is there."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "launchmap.spec"


def spec_shipped() -> list[str]:
    tree = ast.parse(SPEC.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["SHIPPED"]:
            return ast.literal_eval(node.value)
    raise AssertionError("packaging/launchmap.spec has no SHIPPED list")


def test_spec_ships_every_tracked_resource_and_data_file():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files", "resources", "data"], cwd=ROOT, capture_output=True, text=True,
                             check=True, timeout=60).stdout.split()
    listed = spec_shipped()
    assert len(listed) == len(set(listed))
    missing = sorted(set(tracked) - set(listed))
    assert not missing, f"add to SHIPPED in packaging/launchmap.spec: {', '.join(missing)}"
    assert all((ROOT / name).is_file() for name in listed)
