"""Renderers: `plain` writes text lines without Rich; `views` builds Rich renderables.

Both return values and print nothing, so they are easy to test and to export.
"""
