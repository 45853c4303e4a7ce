"""thirdneighbor: query Mongolia's Third Neighbor Policy partnerships from the command line."""

# Kept here, not read from package metadata, so --version costs no import of
# importlib.metadata. pyproject.toml reads the version from this line.
__version__ = "0.1.0"
