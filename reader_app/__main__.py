"""`python -m reader_app`: the same as the `reader-app` command."""

from __future__ import annotations

import sys

from reader_app.entry import main

if __name__ == "__main__":
    sys.exit(main())
