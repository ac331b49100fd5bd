"""The basemap's labels made again after opening a file (pyproj loaded since the window's first frame) are the very
labels drawn before, so none of their stamps (text and halo drawn into an image) is drawn again."""

from __future__ import annotations

from viewer.geo import before_proj
from viewer.geo.basemap import load_basemap
from viewer.geo.crs import regional
from viewer.geo.gazetteer import load_places
from viewer.geo.projected import ProjectedFeatures
from viewer.qt.map import feature_labels
from viewer.qt.map.feature_labels import map_labels

REGION = (115.0, 14.0, 140.0, 42.0)


def test_the_basemap_labels_of_the_first_frame_are_kept_once_proj_is_loaded(sample_workspace, monkeypatch):
    projection, places, basemap = regional(REGION), load_places(), load_basemap()
    monkeypatch.setattr(feature_labels, "_kept_basemap_labels", None)

    def made(proj_loaded: bool):
        monkeypatch.setattr(before_proj, "proj_loaded", lambda: proj_loaded)
        shown = list(sample_workspace.content.features.values())
        cache = ProjectedFeatures(projection)
        return map_labels(sample_workspace, shown, cache, {}, places, basemap, projection)[2]

    first = made(False)
    assert projection.lambert is not None  # the numpy conic, before pyproj loads and after
    monkeypatch.setattr(feature_labels, "_kept_basemap_labels", None)
    afresh = made(True)
    assert afresh == first
    assert not any(a is b for a, b in zip(afresh, first, strict=True))  # made anew: new labels
    monkeypatch.setattr(feature_labels, "_kept_basemap_labels", None)
    first = made(False)
    again = made(True)
    assert len(again) == len(first) > 10
    assert all(a is b for a, b in zip(again, first, strict=True))
    # other names to leave out (no launch site shown names its place now): made again
    sample_workspace.remove(sample_workspace.bundles[0])
    assert {label.text for label in made(True)} > {label.text for label in first}
