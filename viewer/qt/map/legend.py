"""The map legend (drawn by viewer.qt.draw.legend, which the headless export shares)."""

from viewer.qt.draw.legend import LegendLayout, legend_entries, legend_layout

__all__ = ["LegendLayout", "legend_entries", "legend_layout"]
