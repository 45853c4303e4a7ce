"""The command-line layer: the Typer app (app.py assembles root.py and the command
families records.py, dataset_files.py, questions.py, pictures.py), the shared options
(options.py), TAB completion, the one error boundary (boundary.py) and the one
writer to stdout and stderr (streams.py)."""
