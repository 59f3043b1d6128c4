"""The current article's tags as a table; single rows follow the controller's signals.

The Value column says what a tag means: an actor tag's canonical actor, a date's ISO
value, a claim's claimant, status and Admiralty code.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap

from reader_app.domain.models import ActorId, Annotation, Article
from reader_app.services.changes import ChangeSet
from reader_app.gui.shared.palette import is_dark, kind_colour
from reader_app.gui.lists.tables import ReadOnlyTableModel
from reader_app.gui.shared.tag_text import value_text, value_tip

if TYPE_CHECKING:
    from reader_app.gui.controller import LibraryController

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


def _index(rows: list[Annotation], ann: Annotation) -> int:
    """The row of ann in rows (text order), by bisection."""
    i = bisect_left(rows, _sort_key(ann), key=_sort_key)
    if i < len(rows) and rows[i].id == ann.id:
        return i
    return next((n for n, a in enumerate(rows) if a.id == ann.id), -1)  # never expected


class AnnotationModel(ReadOnlyTableModel):
    """Rows stay in text order (start, -end, id), so a tag's row is found by bisecting:
    one tag added, changed or removed costs O(log n) plus a memmove, never a rebuild."""

    COLUMNS = COLUMNS

    def __init__(self, controller: LibraryController | None = None, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._all: list[Annotation] = []  # the article's tags, in text order
        self._rows: list[Annotation] = self._all  # those of the kind shown (all: the same list)
        self._by_id: dict[int, Annotation] | None = None  # built at the first lookup
        self._kind: str | None = None
        self._article_id: int | None = None
        self._icons: dict[int, QIcon] = {}  # by rgba
        self._names: dict[ActorId, str] = {}  # actor id -> canonical name
        if controller is not None:
            self._names = controller.actor_names()  # once; then from each ChangeSet
            controller.article_opened.connect(self._on_controller_article_opened)
            controller.changed.connect(self._on_controller_changed)
            article = controller.current_article
            if article is not None:
                self.set_annotations(article.id, controller.annotations(), in_order=True)

    # -- whole-article changes (the only resets) ------------------------------

    def set_annotations(self, article_id: int | None, annotations: list[Annotation],
                        in_order: bool = False) -> None:
        """in_order: already in text order (as list_annotations returns them)."""
        self.beginResetModel()
        self._article_id = article_id
        self._all = list(annotations) if in_order else sorted(annotations, key=_sort_key)
        self._rows = self._filtered()
        self._by_id = None
        self.endResetModel()

    def set_kind_filter(self, kind: str | None) -> None:
        """Show one kind only (None: all)."""
        if kind == self._kind:
            return
        self.beginResetModel()
        self._kind = kind
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Annotation]:
        return self._all if self._kind is None else [a for a in self._all if a.kind == self._kind]

    def kind_filter(self) -> str | None:
        return self._kind

    def article_id(self) -> int | None:
        return self._article_id

    def _shown(self, a: Annotation) -> bool:
        return self._kind is None or a.kind == self._kind

    # -- lookups ------------------------------------------------------------------

    def _ids(self) -> dict[int, Annotation]:
        if self._by_id is None:
            self._by_id = {a.id: a for a in self._all}
        return self._by_id

    def get(self, annotation_id: int) -> Annotation | None:
        return self._ids().get(annotation_id)

    def row_of(self, annotation_id: int) -> int:
        """The row of a tag, -1 if it is not shown."""
        ann = self._ids().get(annotation_id)
        if ann is None or not self._shown(ann):
            return -1
        return _index(self._rows, ann)

    def annotation_at(self, row: int) -> Annotation:
        return self._rows[row]

    # -- one tag at a time ----------------------------------------------------------

    def _add(self, ann: Annotation) -> None:
        ids = self._ids()
        if ann.id in ids:
            self._replace(ann)
            return
        ids[ann.id] = ann
        filtered = self._rows is not self._all
        if filtered:
            self._all.insert(bisect_left(self._all, _sort_key(ann), key=_sort_key), ann)
        if self._shown(ann):
            row = bisect_left(self._rows, _sort_key(ann), key=_sort_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, ann)
            self.endInsertRows()

    def _remove(self, ann_id: int) -> None:
        old = self._ids().pop(ann_id, None)
        if old is None:
            return
        row = _index(self._rows, old) if self._shown(old) else -1
        if self._rows is not self._all:
            del self._all[_index(self._all, old)]
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def _replace(self, ann: Annotation) -> None:
        old = self._ids().get(ann.id)
        if old is None:
            self._add(ann)
            return
        if _sort_key(old) != _sort_key(ann) or self._shown(old) != self._shown(ann):
            self._remove(ann.id)  # moved (a flagged tag placed again) or in/out of the filter
            self._add(ann)
            return
        self._ids()[ann.id] = ann
        if self._rows is not self._all:
            self._all[_index(self._all, old)] = ann
        if self._shown(ann):
            row = _index(self._rows, old)
            self._rows[row] = ann
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def apply_changes(self, changes: ChangeSet) -> None:
        """Rows, and the actor names the Value column shows, from one ChangeSet."""
        renamed = False  # a tag may show the old name (a new or gone actor: none does)
        for actor_id, summary in changes.actors.items():
            old = self._names.get(actor_id)
            if summary is None:
                self._names.pop(actor_id, None)
            elif old != summary.name:
                renamed = renamed or old is not None
                self._names[actor_id] = summary.name
        if renamed and self._rows:  # repaint the Value column; the view asks visible rows only
            self.dataChanged.emit(self.index(0, VALUE), self.index(len(self._rows) - 1, VALUE))
        here = self._article_id
        for ann in changes.tags_removed:
            if ann.article_id == here:
                self._remove(ann.id)
        for ann in changes.tags_changed:
            if ann.article_id == here:
                self._replace(ann)
        for ann in changes.tags_added:
            if ann.article_id == here:
                self._add(ann)

    # -- controller signals -------------------------------------------------------

    @Slot(object)
    def _on_controller_article_opened(self, article: Article | None) -> None:
        if article is None or self._controller is None:
            self.set_annotations(None, [])
        else:
            self.set_annotations(article.id, self._controller.current_annotations, in_order=True)

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        self.apply_changes(changes)

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
