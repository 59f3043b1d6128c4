"""The one rule of the GUI's reader threads (suggestions, search, view loads): of the
requests waiting, only the newest is worth running."""

from __future__ import annotations

import queue
from typing import TypeVar

T = TypeVar("T")


def newest_request(requests: queue.Queue[T | None], timeout: float | None = None) -> T | None:
    """Block for a request, then skip to the newest one waiting; None means stop (a stop
    is never skipped: it is the last thing put). queue.Empty after timeout seconds with
    none."""
    item = requests.get(timeout=timeout)
    while item is not None and not requests.empty():
        item = requests.get()
    return item
