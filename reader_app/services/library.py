"""The open library every service operation takes first.

A sqlite-utils Database, named here so the gui's undo commands can hand it on to a
service without importing sqlite_utils themselves (only the controller and workers may).
"""

from __future__ import annotations

from sqlite_utils import Database

Library = Database
