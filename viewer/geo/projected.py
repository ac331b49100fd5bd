"""Feature geometries densified along geodesics and projected, cached per projection, for drawing and picking."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import project_geometry
from viewer.geo.geodesic import densify
from viewer.geo.picking import FeatureIndex
from viewer.model.feature import Feature

MAX_SEGMENT_KM = 25.0
_POINTS = (0, 4)  # shapely type ids of Point and MultiPoint


class ProjectedFeatures:
    """Projected geometry per feature for one projection; a feature whose geometry changes is redone."""

    def __init__(self, projection: MapProjection):
        self.projection = projection
        self._densified: dict[str, tuple[BaseGeometry, BaseGeometry]] = {}  # id -> (source, densified)
        self._projected: dict[str, tuple[BaseGeometry, BaseGeometry]] = {}  # id -> (source, projected)

    def densified(self, feature: Feature) -> BaseGeometry | None:
        """The lon/lat geometry with geodesic vertices every 25 km (independent of the projection)."""
        if feature.geometry is None:
            return None
        cached = self._densified.get(feature.id)
        if cached is None or cached[0] is not feature.geometry:
            cached = (feature.geometry, densify(feature.geometry, MAX_SEGMENT_KM))
            self._densified[feature.id] = cached
        return cached[1]

    def projected(self, feature: Feature) -> BaseGeometry | None:
        if feature.geometry is None:
            return None
        cached = self._projected.get(feature.id)
        if cached is None or cached[0] is not feature.geometry:
            cached = (feature.geometry, project_geometry(self.densified(feature), self.projection))
            self._projected[feature.id] = cached
        return cached[1]

    def prepare(self, features: Iterable[Feature]) -> None:
        """Densify and project every feature not cached yet in one call to PROJ: one call per feature spends
        ~0.1 ms in overheads, seconds for 100,000 features (the cache then answers `projected` at once)."""
        todo = [f for f in features if f.geometry is not None
                and ((cached := self._projected.get(f.id)) is None or cached[0] is not f.geometry)]
        if not todo:
            return
        geometries = np.empty(len(todo), dtype=object)
        geometries[:] = [f.geometry for f in todo]
        # Points need no densifying: only other geometries go through the per-geometry geodesic code.
        lines = np.flatnonzero(~np.isin(shapely.get_type_id(geometries), _POINTS))
        for i in lines:
            geometries[i] = self.densified(todo[i])
        projected = project_geometry(geometries, self.projection)
        for feature, geometry in zip(todo, projected, strict=True):
            self._projected[feature.id] = (feature.geometry, geometry)

    def reprojected(self, projection: MapProjection) -> ProjectedFeatures:
        """The same cache for another projection, keeping the densified geometries."""
        other = ProjectedFeatures(projection)
        other._densified = self._densified
        return other

    def bounds(self, features: Iterable[Feature]) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) in map units of the features' projected geometry, None when empty."""
        geometries = [g for f in features if (g := self.projected(f)) is not None and not g.is_empty]
        if not geometries:
            return None
        xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
        return float(xmin), float(ymin), float(xmax), float(ymax)

    def index(self, features: Iterable[Feature]) -> FeatureIndex:
        chosen = [f for f in features if f.geometry is not None]
        self.prepare(chosen)
        return FeatureIndex([f.id for f in chosen], [self.projected(f) for f in chosen])
