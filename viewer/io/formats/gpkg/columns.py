"""Column names of a GeoPackage launchmap writes, shared by its writer and reader (the reader of another tool's
layers needs nothing else of the writer, nor the JSON encoder it imports)."""

FEATURE_COLUMNS = ("event", "kind", "label", "certainty", "derivation")  # properties shown as columns
KEPT_AS = "launchmap:"  # prefix in ``extra`` of a cell GeoPackage text cannot hold (NUL, lone surrogates)
