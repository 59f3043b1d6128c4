"""The plan for finding the whole article's tag rectangles in idle time, a band at a time.

A paint at a place never painted before costs ~1.7x one without tags (20,000 tags on
1 MB of text): Qt shapes the text for cursorToX, works out its break attributes, and
each line takes a dozen PySide calls. Found ahead, one viewport-high band per turn of
the event loop, outward from where the reader is, a far jump (a click in the tag list,
a search hit, the scroll bar dragged) finds the rectangles kept and Qt's text shaped:
~1.2x (benchmarks/bench_view.py (d)).

The price is memory: Qt keeps a block's shaped text from cursorToX until it draws the
block (~50 MB for 1 MB of text, with the rectangles). So a sweep stops once it has
covered SWEEP_UNITS of text around the place it started from: all of an article up to
1.5 MB, a window around the reading place of a longer one.
"""

from __future__ import annotations

SWEEP_UNITS = 1_500_000  # UTF-16 units of text a sweep covers at most


class Sweep:
    """Bands of document y to find, alternately below and above where it started.

    The owner plans it at a paint (plan() is a no-op for the same key), asks next_band()
    for the band to find, and tells done() how much text that band held; retry() puts
    back a band whose place is not laid out yet."""

    def __init__(self) -> None:
        self.key: object = None
        self._down = self._up = 0.0  # the next band's top going down, bottom going up
        self._height = 1.0
        self._units = 0
        self._down_done = self._up_done = True
        self._last: tuple[bool, float] | None = None  # (going down, band edge) handed out

    def plan(self, key: object, y: float, height: float) -> None:
        if key == self.key:
            return
        self.key = key
        self._down = self._up = max(0.0, y)
        self._height = max(height, 50.0)
        self._units = 0
        self._down_done, self._up_done = False, self._up <= 0.0
        self._last = None

    def drop(self) -> None:
        """Nothing more to do until planned again (with any new key)."""
        self.key = None
        self._down_done = self._up_done = True

    def pending(self) -> bool:
        return not (self._down_done and self._up_done) and self._units < SWEEP_UNITS

    def next_band(self, doc_height: float) -> tuple[float, float] | None:
        """The next (top, bottom) to find, or None when the sweep is over. doc_height: the
        laid-out height so far (a band starting below it ends the way down)."""
        if not self.pending():
            return None
        if not self._down_done and self._down >= doc_height:
            self._down_done = True
        down = not self._down_done and (self._up_done or self._last is None
                                        or not self._last[0])
        if down:
            top = self._down
            self._down += self._height
            self._last = (True, top)
            return top, top + self._height
        if self._up_done:
            return None
        bottom = self._up
        self._up = max(0.0, bottom - self._height)
        self._up_done = self._up <= 0.0
        self._last = (False, bottom)
        return self._up, bottom

    def done(self, units: int) -> None:
        self._units += max(units, 0)

    def retry(self) -> None:
        """The band just handed out is to be handed out again (its place was not laid out)."""
        if self._last is None:
            return
        going_down, edge = self._last
        if going_down:
            self._down = edge
        else:
            self._up, self._up_done = edge, False
