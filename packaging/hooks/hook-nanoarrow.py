"""PyInstaller hook for nanoarrow (the GeoPackage writer's Arrow columns): its Cython modules import each other
from C, where PyInstaller's import analysis cannot see them, and its version is read at import from the source of
``_static_version.py``, which must so be a file beside the modules."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("nanoarrow", filter=lambda name: not name.startswith("nanoarrow.tests"))
datas = collect_data_files("nanoarrow", include_py_files=True, includes=["_static_version.py"])
