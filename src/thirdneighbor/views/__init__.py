"""The views layer: what each command shows (registry.py: the View a command
returns, and for each kind its records, fields, columns, title and JSON shape) and
what a command returns (reply.py). It imports data and query; render draws it."""
