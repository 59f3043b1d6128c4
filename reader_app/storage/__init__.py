"""Storage layer: the SQLite library through sqlite-utils."""

import sys

# sqlite-utils imports numpy whenever it can, to map numpy column types (no row of ours
# holds one); numpy is installed for the agreement statistics and its import is ~45 ms
# of every start. So sqlite-utils is imported here with numpy hidden; numpy itself is
# imported as usual when something needs it.
if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy: ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
