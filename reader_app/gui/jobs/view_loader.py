"""A view's reads off the GUI thread: one daemon thread with its own read-only connection.

The timeline reads 50,000 rows and the network lays its graph out with networkx; both
took seconds on the GUI thread. A view asks with request(generation, job); only the
newest request waiting is run (an older one still waiting is skipped) and each answer
carries its generation, so the view drops the answer to a request it has since replaced.
job(db) runs on the loader's thread and must not touch Qt widgets.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader_app.gui.shared.newest import newest_request

LoadJob = Callable[[Any], object]


class ViewLoader(QObject):
    loaded = Signal(int, object)  # generation, the job's result
    failed = Signal(int, str)  # generation, one line for the analyst

    def __init__(self, db_path: Path, name: str = "view-loader") -> None:
        super().__init__()
        self._db_path = db_path
        self._name = name
        self._requests: queue.Queue[tuple[int, LoadJob] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.runs = 0  # jobs actually run (a skipped stale one is not)
        self._stopped = False

    def request(self, generation: int, job: LoadJob) -> None:
        self._stopped = False
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()
        self._requests.put((generation, job))

    def stop(self, wait_s: float = 0.25) -> None:
        """The thread closes its connection when it ends; a long job is not waited for
        (its answer is dropped)."""
        self._stopped = True
        if self._thread is not None:
            self._requests.put(None)
            self._thread.join(wait_s)
            self._thread = None

    def _tell(self, signal: Any, generation: int, what: object) -> None:
        if self._stopped:
            return  # the view is going: nobody waits for this answer
        with contextlib.suppress(RuntimeError):  # the Qt half is gone (the process ends)
            signal.emit(generation, what)

    def _run(self) -> None:
        from reader_app.storage.database import open_library  # this thread's connection

        db: Any = None
        try:
            while True:
                item = newest_request(self._requests)
                if item is None:
                    return
                generation, job = item
                try:
                    if db is None:
                        db = open_library(self._db_path, create=False, read_only=True)
                    self.runs += 1
                    result = job(db)
                except ValueError as e:  # a filter the services refuse: said for the analyst
                    self._tell(self.failed, generation, str(e) or "That filter cannot be used")
                except Exception as e:  # noqa: BLE001 - one line for the analyst, never a crash
                    self._tell(self.failed, generation, f"Could not read the library: {e}")
                else:
                    self._tell(self.loaded, generation, result)
        finally:
            if db is not None:
                db.close()
