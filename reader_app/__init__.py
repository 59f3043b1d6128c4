"""Analyst Reader: read articles and tag claims, actors and dates."""

__version__ = "0.1.0"
