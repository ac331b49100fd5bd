"""PyInstaller hook for pyogrio (none ships with PyInstaller): its Cython modules and GDAL's and PROJ's data."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

# The Cython modules import each other from C, where PyInstaller's import analysis cannot see them.
hiddenimports = collect_submodules("pyogrio", filter=lambda name: not name.startswith("pyogrio.tests"))
# pyogrio points GDAL at pyogrio/gdal_data and PROJ at pyogrio/proj_data beside its modules when they exist.
datas = collect_data_files("pyogrio", excludes=["tests"])
