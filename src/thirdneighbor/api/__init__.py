"""The Python API: thirdneighbor.load() returns api.dataset.Dataset, the records
with methods that check their arguments (arguments.py) and call the query layer."""
