"""Import-time costs of PySide6 that a start need not pay.

After every import, PySide6's feature hook (`from __feature__ import snake_case`
support) asks whether the new module uses PySide6 by reading its source with
inspect.getsource: tokenizing ~300 files, ~15-20 ms of a cold start. The same
question is answered here from the file's bytes. If PySide6 changes what it looks
for, or the hook is not where it was, nothing is changed. Done on import: app.py
imports this module before the storage and the window modules.
"""

from __future__ import annotations

import sys
from types import ModuleType


def cheaper_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None or getattr(upstream, "reader_app", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False

    uses_pyside.reader_app = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


cheaper_feature_check()
