"""Library search off the GUI thread: one daemon thread with its own read-only connection.

Typing asks again and again; only the newest request waiting in the queue is run (an
older one still waiting is skipped), and each answer carries the generation it was
asked with, so the window drops an answer to a query the analyst has already changed.
A query still running when a newer one arrives is interrupted (sqlite3's interrupt),
so a slow query never delays the one typed after it by its whole length.

An answer comes in pages: `found` carries every ranked row (title, date) with the hits,
snippet and marks of the rows the list shows at once (`first_page`, which the window
sets from its height before each request; FIRST_PAGE until it does); `filled` then
brings the details of the rest, FILL_PAGE rows at a time, until a newer request arrives
(the rest of a stale answer is never computed). Each detailed row costs ~15-20 us
(its text read and scanned) on top of a rare phrase's ~0.5 ms MATCH: rows nobody can
see yet are not worth holding the answer for.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reader_app.gui.shared.newest import newest_request

if TYPE_CHECKING:  # the engine loads in the worker's thread, with the first search
    from reader_app.services.search import SearchFilter

RESULT_LIMIT = 500  # rows one search shows (best first)
# rows detailed before the answer is shown, until the window says how many it shows:
# the default 920x720 window's list shows 9 rows of 68 px and part of a 10th
FIRST_PAGE = 10
FILL_PAGE = 100  # rows detailed per `filled` after that


class SearchWorker(QObject):
    found = Signal(int, object)  # generation, ResultRows (a Sequence[ArticleHit]) or a message
    filled = Signal(int, int, object)  # generation, first row, list[ArticleHit] from there
    # generation, message: the search index is damaged and this read-only connection
    # cannot rebuild it (the window asks the controller's writable connection to)
    damaged = Signal(int, str)

    def __init__(self, db_path: Path, limit: int = RESULT_LIMIT) -> None:
        super().__init__()
        self._db_path = db_path
        self._limit = limit
        self._requests: queue.Queue[tuple[int, SearchFilter, int] | None] = queue.Queue()
        self.first_page = FIRST_PAGE  # rows detailed before an answer (the rows in view)
        self._thread: threading.Thread | None = None
        self._db: Any = None  # this thread's connection (read for interrupt() only elsewhere)
        self._running = -1  # the generation being searched now
        self.requests = 0  # searches asked for (the debounce keeps this to one per pause)

    def request(self, generation: int, flt: SearchFilter) -> None:
        self.requests += 1
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="library-search", daemon=True)
            self._thread.start()
        self._requests.put((generation, flt, max(1, self.first_page)))
        self._interrupt_older(generation)

    def stop(self, wait_s: float = 0.0) -> None:
        """The thread closes its connection when it ends; a long query is interrupted and
        not waited for (quitting is immediate)."""
        if self._thread is not None:
            self._interrupt_older(1 << 62)
            self._requests.put(None)
            self._thread.join(wait_s)
            self._thread = None

    def _interrupt_older(self, generation: int) -> None:
        db, running = self._db, self._running
        if db is not None and 0 <= running < generation:
            # the running query raises "interrupted"; its answer was stale anyway
            with contextlib.suppress(Exception):  # a connection closing: nothing to stop
                db.conn.interrupt()

    def _search(self, generation: int, flt: SearchFilter, first: int) -> tuple[object, Any]:
        """The first answer (rows or a message, its first `first` rows detailed) and the
        RankedSearch to fill from there, if any."""
        from reader_app.services import search as engine
        from reader_app.storage.database import open_library  # this thread's connection

        self._running = generation
        try:
            for _attempt in range(3):
                try:
                    if self._db is None:
                        self._db = open_library(self._db_path, create=False, read_only=True)
                    ranked = engine.search_ranked(self._db, flt, self._limit)
                    rows = engine.ResultRows(ranked.ids, ranked.details(self._db, 0, first))
                    return rows, (ranked if len(rows) > first else None)
                except engine.SearchIndexDamaged as e:
                    # read the schema afresh once the window had the index rebuilt
                    db, self._db = self._db, None
                    if db is not None:
                        db.close()
                    return e, None
                except ValueError as e:  # a facet the engine cannot read: said for the analyst
                    return str(e) or "That search cannot be run", None
                except Exception as e:  # noqa: BLE001 - one line for the analyst, never a crash
                    # an interrupt meant for the query before this one: run it again,
                    # unless a newer request is waiting (then this answer is stale anyway)
                    if "interrupted" in str(e) and self._requests.empty():
                        continue
                    return f"Search failed: {e}", None
            return "Search failed: interrupted", None
        finally:
            self._running = -1

    def _fill(self, generation: int, ranked: Any, start: int) -> None:
        """The details of the rows from `start` on, while no newer request waits."""
        self._running = generation
        try:
            while start < len(ranked) and self._requests.empty():
                hits = ranked.details(self._db, start, start + FILL_PAGE)
                self.filled.emit(generation, start, hits)
                start += FILL_PAGE
        except Exception:  # noqa: BLE001 - interrupted by a newer request: those rows are stale
            return
        finally:
            self._running = -1

    def _run(self) -> None:
        try:
            while True:
                item = newest_request(self._requests)
                if item is None:
                    return
                generation, flt, first = item
                result, ranked = self._search(generation, flt, first)
                if isinstance(result, Exception):
                    self.damaged.emit(generation, str(result))
                    continue
                self.found.emit(generation, result)
                if ranked is not None:
                    self._fill(generation, ranked, first)
        finally:
            db, self._db = self._db, None
            if db is not None:
                db.close()
