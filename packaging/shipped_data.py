"""Setuptools build step: copy `resources/` and `data/` into the wheel as `viewer/_shipped/`.

A checkout keeps them at the top level (viewer/resources.py looks there too), so nothing is copied in
the source tree and an editable install needs no build step.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("resources", "data")  # top-level folders the program reads at run time
TARGET = ("viewer", "_shipped")
# Editor, OS and SQLite side files that may sit beside the real data in a working tree.
SKIPPED_SUFFIXES = (".pyc", ".gpkg-wal", ".gpkg-shm", ".gpkg-journal", "~")


def shipped_files(root: Path = ROOT) -> list[Path]:
    """Every file under the shipped folders, relative to root, in a stable order."""
    files = []
    for folder in SHIPPED:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not _skipped(relative):
                files.append(relative)
    return files


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts) or relative.name.endswith(
        SKIPPED_SUFFIXES
    )


class BuildPyWithShipped(build_py):
    """build_py that also places the shipped folders inside the package, where an installed wheel finds them."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the editable package reads them from the checkout
            return
        # A build folder left by an earlier build may hold files removed since; ship only what is here now.
        shutil.rmtree(Path(self.build_lib, *TARGET), ignore_errors=True)
        for relative in shipped_files():
            target = Path(self.build_lib, *TARGET, relative)
            self.mkpath(str(target.parent))
            self.copy_file(str(ROOT / relative), str(target), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        return outputs + [str(Path(self.build_lib, *TARGET, relative)) for relative in shipped_files()]
