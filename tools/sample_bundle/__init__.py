"""The curated sample bundle's fact tables and geometry, assembled by tools/build_sample_bundle.py."""
