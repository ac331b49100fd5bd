"""Whether pyproj is loaded yet: until it is (the window's first frame, drawn without its ~60 ms import), WGS84
geodesics are computed in numpy (`viewer.geo.vincenty`); from then on by PROJ. (The regional conic is numpy's,
`viewer.geo.lcc`, before and after.)"""

from __future__ import annotations

import sys


def proj_loaded() -> bool:
    return "pyproj" in sys.modules
