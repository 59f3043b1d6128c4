"""The current article's tags as a table; single rows follow the controller's signals.

The Value column says what a tag means: an actor tag's canonical actor, a date's ISO
value, a claim's claimant, status and Admiralty code.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap

from reader_app.domain.models import ActorId, Annotation
from reader_app.gui.shared.palette import is_dark, kind_colour
from reader_app.gui.lists.tables import ReadOnlyTableModel
from reader_app.gui.shared.tag_text import value_text, value_tip

COLUMNS = ("Kind", "Quote", "Value", "Note")
KIND, QUOTE, VALUE, NOTE = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole  # annotation id
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
DAMAGED_MARK = "⚠ text changed"  # before the quote of a tag that no longer fits its text
QUOTE_LIMIT = 200  # characters shown in the quote cell; the tooltip has the rest
TOOLTIP_LIMIT = 2000

_Index = QModelIndex | QPersistentModelIndex


def kind_color(kind: str) -> QColor:
    """The kind's colour for the application's current (light or dark) palette."""
    return kind_colour(kind, is_dark(QGuiApplication.palette()))


def one_line(text: str | None, limit: int = QUOTE_LIMIT) -> str:
    """Newlines shown as ⏎ so a multi-line quote stays on one table line."""
    if not text:
        return ""
    flat = text.replace("\r\n", "\n").replace("\n", " ⏎ ").replace("\t", " ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _sort_key(a: Annotation) -> tuple[int, int, int]:
    return a.start, -a.end, a.id  # the order list_annotations uses


class AnnotationModel(ReadOnlyTableModel):
    COLUMNS = COLUMNS

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._all: list[Annotation] = []  # the article's tags, sorted by start
        self._rows: list[Annotation] = []  # those of the kind shown
        self._kind: str | None = None
        self._article_id: int | None = None
        self._icons: dict[int, QIcon] = {}  # by rgba
        self._names: dict[ActorId, str] = {}  # actor id -> canonical name
        if controller is not None:
            self._names = controller.actor_names()
            controller.actors_changed.connect(self._on_controller_actors_changed)
            controller.article_opened.connect(self._on_controller_article_opened)
            controller.annotation_added.connect(self._on_controller_annotation_added)
            controller.annotation_removed.connect(self._on_controller_annotation_removed)
            controller.annotation_changed.connect(self._on_controller_annotation_changed)
            article = controller.current_article
            if article is not None:
                self.set_annotations(article.id, controller.annotations())

    # -- whole-article changes (the only resets) ------------------------------

    def set_annotations(self, article_id: int | None, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        self._article_id = article_id
        self._all = sorted(annotations, key=_sort_key)
        self._rows = [a for a in self._all if self._shown(a)]
        self.endResetModel()

    def set_kind_filter(self, kind: str | None) -> None:
        """Show one kind only (None: all)."""
        if kind == self._kind:
            return
        self.beginResetModel()
        self._kind = kind
        self._rows = [a for a in self._all if self._shown(a)]
        self.endResetModel()

    def kind_filter(self) -> str | None:
        return self._kind

    def article_id(self) -> int | None:
        return self._article_id

    def _shown(self, a: Annotation) -> bool:
        return self._kind is None or a.kind == self._kind

    # -- lookups ------------------------------------------------------------------

    def row_of(self, annotation_id: int) -> int:
        """The row of a tag, -1 if it is not shown."""
        for row, a in enumerate(self._rows):
            if a.id == annotation_id:
                return row
        return -1

    def annotation_at(self, row: int) -> Annotation:
        return self._rows[row]

    def _insert_row(self, ann: Annotation) -> int:
        return bisect_left(self._rows, _sort_key(ann), key=_sort_key)

    # -- controller signals -------------------------------------------------------

    @Slot(object)
    def _on_controller_article_opened(self, article) -> None:
        if article is None:
            self.set_annotations(None, [])
        else:
            self.set_annotations(article.id, self._controller.annotations())

    @Slot(object)
    def _on_controller_annotation_added(self, ann: Annotation) -> None:
        if ann.article_id != self._article_id:
            return
        at = bisect_left(self._all, _sort_key(ann), key=_sort_key)  # O(log n) with 20,000 tags
        if at < len(self._all) and self._all[at].id == ann.id:
            return  # already here
        self._all.insert(at, ann)
        if self._shown(ann):
            row = self._insert_row(ann)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, ann)
            self.endInsertRows()

    @Slot(object)
    def _on_controller_annotation_removed(self, ann: Annotation) -> None:
        if ann.article_id != self._article_id:
            return
        self._all = [a for a in self._all if a.id != ann.id]
        row = self.row_of(ann.id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    @Slot(object)
    def _on_controller_annotation_changed(self, ann: Annotation) -> None:
        if ann.article_id != self._article_id:
            return
        self._all = [ann if a.id == ann.id else a for a in self._all]
        row = self.row_of(ann.id)
        if row >= 0 and not self._shown(ann):  # its kind changed away from the filter
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif row >= 0:
            self._rows[row] = ann
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        elif self._shown(ann):  # its kind changed into the filter
            row = self._insert_row(ann)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, ann)
            self.endInsertRows()

    @Slot()
    def _on_controller_actors_changed(self) -> None:
        """Names may have changed: repaint the Value cells that show one."""
        names = self._controller.actor_names()
        old, self._names = self._names, names
        changed = {i for i in old.keys() | names.keys() if old.get(i) != names.get(i)}
        if not changed:  # the usual case: an actor tag added or undone, no name changed
            return
        rows = [r for r, a in enumerate(self._rows)
                if a.actor_id in changed or a.claimant_id in changed]
        if rows:
            self.dataChanged.emit(self.index(rows[0], VALUE), self.index(rows[-1], VALUE))

    # -- Qt model interface -------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == KIND:
                return a.kind.capitalize()
            if col == QUOTE:
                return one_line(a.quote) if a.damage is None else one_line(
                    f"{DAMAGED_MARK}: {a.quote}")
            return one_line(value_text(a, self._names) if col == VALUE else a.note)
        if role == ID_ROLE:
            return int(a.id)
        if role == ANNOTATION_ROLE:
            return a
        if role == Qt.ItemDataRole.DecorationRole and col == KIND:
            return self._icon(a.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if a.damage is not None:  # a flagged tag says first why it is flagged
                return f"{DAMAGED_MARK}: {a.damage.reason}.\n{a.quote[:TOOLTIP_LIMIT]}"
            if col == NOTE and a.note:
                return a.note[:TOOLTIP_LIMIT]
            if col == VALUE and (text := value_text(a, self._names)):
                tip = value_tip(a)
                return f"{text}\n{tip}" if tip else text
            return a.quote[:TOOLTIP_LIMIT]
        return None

    def _icon(self, kind: str) -> QIcon:
        color = kind_color(kind)  # looked up each time: the palette may turn dark
        icon = self._icons.get(color.rgba())
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setPen(color.darker(130))
            painter.setBrush(color)
            painter.drawRect(0, 0, 11, 11)
            painter.end()
            icon = self._icons[color.rgba()] = QIcon(pixmap)
        return icon
