"""Storage layer: the SQLite library through sqlite-utils."""
