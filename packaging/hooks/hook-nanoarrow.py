"""PyInstaller hook for nanoarrow (the GeoPackage writer's Arrow columns): its Cython modules import each other
from C, where PyInstaller's import analysis cannot see them."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("nanoarrow", filter=lambda name: not name.startswith("nanoarrow.tests"))
