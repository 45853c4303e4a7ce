"""The bottom layer: what every other layer may use, importing nothing of the tool
but thirdneighbor.errors: text made safe for a terminal (safe.py), the one text
fold (fold.py) and atomic file writes (files.py); and the tool's version, here so
that reading it costs no module of its own."""

# pyproject.toml reads the version from this line; --version prints it without
# importing importlib.metadata.
__version__ = "0.3.0"
