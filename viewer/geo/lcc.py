"""The Lambert conformal conic on the WGS84 ellipsoid in numpy (Snyder, Map Projections: A Working Manual, 1987,
pp. 107-109, as PROJ's `lcc` computes it): the regional map is projected with it, on the screen and in exports, from
the window's first frame (drawn before pyproj, ~60 ms to import, is loaded); it agrees with PROJ to well under a
millimetre (tests/geo/test_lcc.py) in half PROJ's time (300,000 vertices: ~17 ms, PROJ's transform ~37 ms)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563
_E2 = WGS84_F * (2 - WGS84_F)
_E = math.sqrt(_E2)
_EPS10 = 1e-10
_LAT_SLACK = 1e-12  # PROJ's latitude over-range tolerance (radians)
_PARAMETERS = frozenset({"proj", "lat_0", "lon_0", "lat_1", "lat_2", "x_0", "y_0", "k", "k_0", "datum", "ellps",
                         "units", "no_defs", "type"})


class LambertConic:
    """Forward (lon/lat degrees → metres) and inverse of one `+proj=lcc` on WGS84; `transform(x, y)` mirrors
    pyproj's Transformer (unprojectable points give inf, as PROJ does with errcheck off)."""

    def __init__(self, lat_1: float, lat_2: float, lat_0: float, lon_0: float, x_0: float = 0.0,
                 y_0: float = 0.0, k_0: float = 1.0):
        phi1, phi2 = math.radians(lat_1), math.radians(lat_2)
        n = math.sin(phi1)
        m1, t1 = _msfn(phi1), _tsfn(phi1)
        if abs(phi1 - phi2) >= _EPS10:  # secant cone
            n = math.log(m1 / _msfn(phi2)) / math.log(t1 / _tsfn(phi2))
        if abs(n) < _EPS10 or abs(phi1 + phi2) < _EPS10:
            raise ValueError("standard parallels opposite about the equator: not a cone")
        self.n, self.c = n, m1 * t1 ** -n / n
        phi0 = math.radians(lat_0)
        self.rho0 = 0.0 if abs(abs(phi0) - math.pi / 2) < _EPS10 else self.c * _tsfn(phi0) ** n
        self.lam0, self.x0, self.y0, self.k0 = math.radians(lon_0), x_0, y_0, k_0

    @classmethod
    def from_proj_string(cls, srs: str) -> LambertConic | None:
        """The conic a PROJ string such as the regional preset's defines, or None for anything else (another
        projection, another ellipsoid or unit, a parameter this does not model)."""
        words = srs.split()
        if not words or not all(word.startswith("+") for word in words):
            return None
        parameters = dict(word[1:].partition("=")[::2] for word in words)
        if parameters.get("proj") != "lcc" or not parameters.keys() <= _PARAMETERS:
            return None
        if parameters.get("datum", "WGS84") != "WGS84" or parameters.get("ellps", "WGS84") != "WGS84":
            return None
        if "datum" not in parameters and "ellps" not in parameters:
            return None  # PROJ's default ellipsoid is GRS80
        if parameters.get("units", "m") != "m" or parameters.get("type", "crs") != "crs":
            return None
        try:
            lat_1 = float(parameters["lat_1"])
            values = {key: float(parameters[key]) for key in ("lat_2", "lat_0", "lon_0", "x_0", "y_0")
                      if key in parameters}
            k_0 = float(parameters.get("k_0", parameters.get("k", 1.0)))
            return cls(lat_1, values.get("lat_2", lat_1), values.get("lat_0", lat_1), values.get("lon_0", 0.0),
                       values.get("x_0", 0.0), values.get("y_0", 0.0), k_0)
        except (KeyError, ValueError):
            return None

    def forward(self, lon: Any, lat: Any) -> tuple[Any, Any]:
        """Lon/lat degrees → map metres; scalars give floats, arrays arrays."""
        lam, phi = np.radians(np.asarray(lon, dtype=float)), np.radians(np.asarray(lat, dtype=float))
        # (the pole, bad input and another branch's arithmetic only where there is any: the same numbers)
        beyond = np.abs(phi) - np.pi / 2
        bad = (beyond > _LAT_SLACK) | (np.abs(lam) > 10.0)
        lam = _adjlon(lam - self.lam0)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            at_pole = np.abs(beyond) < _EPS10
            rho = self.c * _tsfn_array(phi) ** self.n
            if at_pole.any():
                bad |= at_pole & (phi * self.n <= 0)
                rho = np.where(at_pole, 0.0, rho)
            lam = lam * self.n
            x = WGS84_A * self.k0 * rho * np.sin(lam) + self.x0
            y = WGS84_A * self.k0 * (self.rho0 - rho * np.cos(lam)) + self.y0
        if bad.any():
            x, y = np.where(bad, np.inf, x), np.where(bad, np.inf, y)
        return _shaped(x, lon, lat), _shaped(y, lon, lat)

    def inverse(self, x: Any, y: Any) -> tuple[Any, Any]:
        """Map metres → lon/lat degrees (longitudes in [-180, 180])."""
        xx = (np.asarray(x, dtype=float) - self.x0) / (WGS84_A * self.k0)
        yy = self.rho0 - (np.asarray(y, dtype=float) - self.y0) / (WGS84_A * self.k0)
        rho = np.hypot(xx, yy)
        if self.n < 0:
            rho, xx, yy = -rho, -xx, -yy
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            phi = _phi2((rho / self.c) ** (1 / self.n))
            lam = np.arctan2(xx, yy) / self.n
        centre = rho == 0
        phi = np.where(centre, math.copysign(np.pi / 2, self.n), phi)
        lam = np.where(centre, 0.0, lam)
        lon, lat = np.degrees(_adjlon(lam + self.lam0)), np.degrees(phi)
        lon, lat = np.where(np.isfinite(lat), lon, np.inf), np.where(np.isfinite(lat), lat, np.inf)
        return _shaped(lon, x, y), _shaped(lat, x, y)

    def transform(self, x: Any, y: Any, errcheck: bool = False) -> tuple[Any, Any]:
        return self.forward(x, y)


def _msfn(phi: float) -> float:
    sin = math.sin(phi)
    return math.cos(phi) / math.sqrt(1 - _E2 * sin * sin)


def _tsfn(phi: float) -> float:
    return float(_tsfn_array(np.asarray(phi)))


def _tsfn_array(phi: np.ndarray) -> np.ndarray:
    """tan(pi/4 - conformal latitude/2) as PROJ's pj_tsfn computes it (no cancellation near either pole)."""
    sin, cos = np.sin(phi), np.cos(phi)
    north = sin > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        if north.all():  # one hemisphere's arithmetic only (a region's data): the same numbers
            half = cos / (1 + sin)
        elif not north.any():
            half = (1 - sin) / cos
        else:
            half = np.where(north, cos / (1 + sin), (1 - sin) / cos)
        return np.exp(_E * np.arctanh(_E * sin)) * half


def _phi2(ts: np.ndarray) -> np.ndarray:
    """The latitude whose `_tsfn` is ``ts``, by Newton's method on tan(phi) from sinh(psi) (Karney 2011, as PROJ's
    pj_phi2 does), to full double precision."""
    taup = (1 / ts - ts) / 2  # sinh of the isometric latitude
    e2m = 1 - _E2
    tau = taup / e2m  # a first guess
    with np.errstate(invalid="ignore", over="ignore"):
        for _ in range(5):  # 2-3 steps reach double precision; a fixed count keeps the arrays whole
            tau1 = np.hypot(1.0, tau)
            sig = np.sinh(_E * np.arctanh(_E * tau / tau1))
            taupa = np.hypot(1.0, sig) * tau - sig * tau1
            dtau = (taup - taupa) * (1 + e2m * tau * tau) / (e2m * tau1 * np.hypot(1.0, taupa))
            tau = np.where(np.isfinite(dtau), tau + dtau, tau)
    return np.arctan(tau)


def _adjlon(lam: np.ndarray) -> np.ndarray:
    """Longitudes (radians) brought into [-pi, pi] as PROJ's adjlon does (those within it unchanged)."""
    inside = np.abs(lam) <= np.pi
    if inside.all():
        return lam
    wrapped = lam - 2 * np.pi * np.floor((lam + np.pi) / (2 * np.pi))
    return np.where(inside, lam, wrapped)


def _shaped(values: np.ndarray, *given: Any) -> Any:
    """In the input's kind, as pyproj answers: a float for scalars, a list or tuple for those, else an array."""
    if all(np.ndim(g) == 0 and not isinstance(g, np.ndarray) for g in given):
        return float(values)
    if isinstance(given[0], (list, tuple)):
        return type(given[0])(values.tolist())
    return values
