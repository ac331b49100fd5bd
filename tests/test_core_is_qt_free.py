"""The core (model, io, geo, ingest, export maths, cli) must import no Qt: it runs headless and in tools."""

import subprocess
import sys

CORE = ["viewer.model", "viewer.io", "viewer.geo", "viewer.ingest", "viewer.export", "viewer.cli", "viewer.resources"]

PROBE = """
import importlib, pkgutil, sys
import viewer
for name in {core!r}:
    module = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        importlib.import_module(info.name)
from viewer.cli import main
main(["validate"])
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6", "viewer.qt"))
leaked += sorted(m for m in sys.modules if m.startswith("viewer.qt"))
print("LEAKED", leaked)
"""


def test_core_modules_import_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(core=CORE)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "LEAKED []" in result.stdout, result.stdout


def test_import_contract_is_declared():
    """import-linter enforces the same rule statically (run by ./dev test); keep the contract in place."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    contract = config["tool"]["importlinter"]["contracts"][0]
    assert {"PySide6", "pyqtgraph", "viewer.qt"} <= set(contract["forbidden_modules"])
    assert {"viewer.model", "viewer.io", "viewer.geo"} <= set(contract["source_modules"])
    assert not contract.get("allow_indirect_imports", False)
