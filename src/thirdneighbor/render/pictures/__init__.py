"""Publishable pictures: the world map (worldmap.py) and more."""
