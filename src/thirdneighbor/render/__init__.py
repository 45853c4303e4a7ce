"""Renderers: `formats` writes records as plain text, CSV, TSV, Markdown or JSON
Lines without Rich; `views` builds Rich renderables; `safe` keeps dataset text
from acting on a terminal. They return values and print nothing, so they are
easy to test and to export.
"""
