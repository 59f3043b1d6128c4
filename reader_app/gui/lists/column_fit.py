"""Columns that share a table's width by their content, one column (the quote, the
name) taking what is left.

Qt's fixed widths set once at start left a narrow panel with a 40 px Quote column beside
an empty Note column of its full width. Here, whenever the rows or the width change, each
other column gets the width its visible cells and header need, at most `cap` of the
width, and together at most `share` of it (when the table is narrow, the widest give
way first, down to their header text); never narrower than the header text. A column the analyst drags keeps
the width given.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

VISIBLE_ROWS_MAX = 120  # rows a tall table shows at most (before it is laid out: the first)
PAD = 4  # px beside a cell's text (sizeHintForColumn has the style's margins already)


class ColumnFit(QObject):
    def __init__(self, table: QTableView, stretch: int, share: float = 0.55,
                 cap: float = 0.3, keep: tuple[int, ...] = ()) -> None:
        super().__init__(table)
        self._table, self._stretch, self._share, self._cap = table, stretch, share, cap
        self._keep = keep  # short labels (the kind): never cut to an ellipsis
        self._fitting = False
        self._dragged: set[int] = set()  # columns the analyst sized by hand
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._on_header_section_resized)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged, model.dataChanged):
            signal.connect(self._timer.start)
        table.viewport().installEventFilter(self)
        table.verticalScrollBar().rangeChanged.connect(self._timer.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    @Slot(int, int, int)
    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != self._stretch:
            self._dragged.add(column)

    def header_width(self, column: int) -> int:
        """The least a column may have: its header text in full (a sort arrow, shown on
        one column at a time, may cover its end)."""
        header = self._table.horizontalHeader()
        text = header.model().headerData(column, Qt.Orientation.Horizontal) or ""
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return header.fontMetrics().horizontalAdvance(str(text)) + 2 * margin + PAD

    def content_width(self, column: int) -> int:
        """The widest visible cell of a column. Qt's sizeHintForColumn reads up to 1,000
        rows, which makes a lazy model fetch every one of them."""
        table, model = self._table, self._table.model()
        rows = model.rowCount()
        if not rows:
            return 0
        first = max(0, table.rowAt(0))
        last = table.rowAt(table.viewport().height() - 1)
        last = rows - 1 if last < 0 else last
        last = min(last, first + VISIBLE_ROWS_MAX)
        return max(table.sizeHintForIndex(model.index(r, column)).width()
                   for r in range(first, last + 1))

    @Slot()
    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        width = table.viewport().width()
        if width <= 0:
            return
        columns = [c for c in range(header.count()) if c != self._stretch
                   and not header.isSectionHidden(c) and c not in self._dragged]
        floor = {c: self.header_width(c) for c in columns}
        want = {c: max(floor[c], min(self.content_width(c) + PAD, int(self._cap * width)))
                for c in columns}
        room = int(self._share * width) - sum(header.sectionSize(c) for c in self._dragged
                                              if not header.isSectionHidden(c))
        for c in self._keep:
            if c in want:
                floor[c] = want[c]
        if sum(want.values()) > room:  # narrow: the widest columns give way first
            want = _level(want, floor, room)
        self._fitting = True
        try:
            for column, size in want.items():
                if header.sectionSize(column) != size:
                    header.resizeSection(column, size)
        finally:
            self._fitting = False


def _level(want: dict[int, int], floor: dict[int, int], room: int) -> dict[int, int]:
    """Widths no wider than a common level, the highest level whose widths fit in room
    (none below its floor): short columns keep their width, long ones are cut."""
    def widths(level: int) -> dict[int, int]:
        return {c: max(floor[c], min(want[c], level)) for c in want}

    low, high = 0, max(want.values(), default=0)
    while low < high:
        mid = (low + high + 1) // 2
        if sum(widths(mid).values()) <= room:
            low = mid
        else:
            high = mid - 1
    return widths(low)


def fit_columns(table: QTableView, stretch: int, share: float = 0.55,
                cap: float = 0.3, keep: tuple[int, ...] = ()) -> ColumnFit:
    return ColumnFit(table, stretch, share, cap, keep)
