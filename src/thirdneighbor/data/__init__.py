"""The data layer: the records (model.py, partialdate.py), finding and reading a
dataset file (load.py), checking it (validate*.py, confusables.py), the cache
(cache.py) and the TOML writer (write.py). It imports only core."""
