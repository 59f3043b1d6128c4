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
from reader_app.gui.lists.tables import ReadOnlyTableModel
from reader_app.gui.shared.own_kinds import kind_label
from reader_app.gui.shared.palette import is_dark, kind_colour
from reader_app.gui.shared.tag_text import value_text, value_tip
from reader_app.services.changes import ChangeSet
from reader_app.storage.annotations import Span, span_key, span_of

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
_DISPLAY, _TIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_DECORATION, _ID, _ANNOTATION = (int(Qt.ItemDataRole.DecorationRole), int(ID_ROLE),
                                 int(ANNOTATION_ROLE))
_ROLES = frozenset((_DISPLAY, _TIP, _DECORATION, _ID, _ANNOTATION))


def kind_color(kind: str) -> QColor:
    """The kind's colour for the application's current (light or dark) palette."""
    return kind_colour(kind, is_dark(QGuiApplication.palette()))


def one_line(text: str | None, limit: int = QUOTE_LIMIT) -> str:
    """Newlines shown as ⏎ so a multi-line quote stays on one table line."""
    if not text:
        return ""
    flat = text.replace("\r\n", "\n").replace("\n", " ⏎ ").replace("\t", " ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


PAGE = 100  # rows read together when the table first shows one of them


def _index(rows: list[Span], span: Span) -> int:
    """The row of span (by its id) in rows (text order), by bisection; -1 if absent."""
    i = bisect_left(rows, span_key(span), key=span_key)
    while i < len(rows) and rows[i][0] == span[0] and rows[i][1] == span[1]:
        if rows[i][2] == span[2]:
            return i
        i += 1
    return -1


class AnnotationModel(ReadOnlyTableModel):
    """Rows are spans (start, end, id, kind, quote) in text order (start, -end, id), so a
    tag's row is found by bisecting: one tag added, changed or removed costs O(log n)
    plus a memmove, never a rebuild. A row's full Annotation is read through the
    controller when the view first asks for it, a page of rows at a time, and kept."""

    COLUMNS = COLUMNS

    def __init__(self, controller: LibraryController | None = None, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._all: list[Span] = []  # the article's tags, in text order
        self._rows: list[Span] = self._all  # those of the kind shown (all: the same list)
        self._full: dict[int, Annotation] = {}  # id -> full row, read on demand
        self._span_of: dict[int, Span] | None = None  # id -> span, built at the first need
        self._kind: str | None = None
        self._article_id: int | None = None
        self._icons: dict[int, QIcon] = {}  # by rgba
        self._names: dict[ActorId, str] = {}  # actor id -> canonical name
        if controller is not None:
            self._names = controller.actor_names()  # once; then from each ChangeSet
            controller.article_opened.connect(self._on_controller_article_opened)
            controller.spans_completed.connect(self._on_controller_spans_completed)
            controller.changed.connect(self._on_controller_changed)
            article = controller.current_article
            if article is not None:
                self.set_spans(article.id, *controller.spans())  # as they are now

    # -- whole-article changes (the only resets) ------------------------------

    def set_annotations(self, article_id: int | None, annotations: list[Annotation]) -> None:
        """Full rows given (any order)."""
        spans = sorted(map(span_of, annotations), key=span_key)
        self.set_spans(article_id, spans, annotations)

    def set_spans(self, article_id: int | None, spans: list[Span],
                  known: list[Annotation] = ()) -> None:
        """spans in text order; known: full rows already read (the damaged ones)."""
        self.beginResetModel()
        self._article_id = article_id
        self._all = list(spans)
        self._rows = self._filtered()
        self._full = {a.id: a for a in known}
        self._span_of = None
        self.endResetModel()

    def complete_spans(self, spans: list[Span], known: list[Annotation] = ()) -> None:
        """All of the article's tags, where opening gave those of its top: appended below
        (selection and scrolling stay) when the rows held are their beginning, else anew."""
        held = len(self._all)
        if spans[:held] != self._all:  # something changed meanwhile, or a tag was placed
            self.set_spans(self._article_id, spans, known)  # elsewhere: take the list whole
            return
        rest = spans[held:]
        shown = rest if self._kind is None else [s for s in rest if s[3] == self._kind]
        self._full.update((a.id, a) for a in known)
        self._span_of = None
        first = len(self._rows)
        if shown:
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
        self._all.extend(rest)
        if self._rows is not self._all:
            self._rows.extend(shown)
        if shown:
            self.endInsertRows()

    def set_kind_filter(self, kind: str | None) -> None:
        """Show one kind only (None: all)."""
        if kind == self._kind:
            return
        self.beginResetModel()
        self._kind = kind
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Span]:
        kind = self._kind
        return self._all if kind is None else [s for s in self._all if s[3] == kind]

    def kind_filter(self) -> str | None:
        return self._kind

    def article_id(self) -> int | None:
        return self._article_id

    def _shown(self, span: Span) -> bool:
        return self._kind is None or span[3] == self._kind

    # -- lookups ------------------------------------------------------------------

    def _span(self, annotation_id: int) -> Span | None:
        full = self._full.get(annotation_id)  # a new or changed tag: no map needed
        if full is not None:
            return span_of(full)
        if self._span_of is None:
            self._span_of = {s[2]: s for s in self._all}
        return self._span_of.get(annotation_id)

    def _held(self, ann: Annotation) -> Span | None:
        """The span held for ann's id: where ann is (by bisection), else looked up by id."""
        span = span_of(ann)
        i = _index(self._all, span)
        return self._all[i] if i >= 0 else self._span(ann.id)

    def get(self, annotation_id: int) -> Annotation | None:
        span = self._span(annotation_id)
        return None if span is None else self._annotation(span)

    def row_of(self, annotation_id: int) -> int:
        """The row of a tag, -1 if it is not shown."""
        span = self._span(annotation_id)
        if span is None or not self._shown(span):
            return -1
        return _index(self._rows, span)

    def annotation_at(self, row: int) -> Annotation | None:
        return self._annotation(self._rows[row])

    def _annotation(self, span: Span) -> Annotation | None:
        """The full row of a span: read with the rest of its page the first time."""
        found = self._full.get(span[2])
        if found is None and self._controller is not None:
            row = _index(self._rows, span)
            rows = self._rows if row >= 0 else self._all
            row = row if row >= 0 else _index(rows, span)
            lo = max(0, row - row % PAGE)
            ids = [s[2] for s in rows[lo:lo + PAGE] if s[2] not in self._full]
            if span[2] not in ids:
                ids.append(span[2])
            for ann in self._controller.annotations_by_id(ids):
                self._full[ann.id] = ann
            found = self._full.get(span[2])
        return found

    # -- one tag at a time ----------------------------------------------------------

    def _add(self, ann: Annotation) -> None:
        span = span_of(ann)
        # a new tag is not held: found in O(log n), without building the id map
        if ann.id in self._full or _index(self._all, span) >= 0:
            self._replace(ann)
            return
        self._full[ann.id] = ann
        if self._span_of is not None:
            self._span_of[ann.id] = span
        if self._rows is not self._all:
            self._all.insert(bisect_left(self._all, span_key(span), key=span_key), span)
        if self._shown(span):
            row = bisect_left(self._rows, span_key(span), key=span_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, span)
            self.endInsertRows()

    def _remove(self, ann: Annotation) -> None:
        old = self._held(ann)
        if old is None:
            return
        ann_id = ann.id
        row = _index(self._rows, old) if self._shown(old) else -1
        if self._rows is not self._all:
            del self._all[_index(self._all, old)]
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        # last: a view may read the row (and so cache it again) until it is gone
        self._full.pop(ann_id, None)
        if self._span_of is not None:
            self._span_of.pop(ann_id, None)

    def _replace(self, ann: Annotation) -> None:
        old = self._held(ann)
        if old is None:
            self._add(ann)
            return
        span = span_of(ann)
        if span_key(old) != span_key(span) or self._shown(old) != self._shown(span):
            self._remove(ann)  # moved (a flagged tag placed again) or in/out of the filter
            self._add(ann)
            return
        self._full[ann.id] = ann
        if self._span_of is not None:
            self._span_of[ann.id] = span
        if self._rows is not self._all:
            self._all[_index(self._all, old)] = span
        if self._shown(span):
            row = _index(self._rows, old)
            self._rows[row] = span
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
                self._remove(ann)
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
            self.set_spans(article.id, self._controller.current_spans,
                           self._controller.current_damaged)

    @Slot()
    def _on_controller_spans_completed(self) -> None:
        controller = self._controller
        article = controller.current_article if controller is not None else None
        if article is not None and article.id == self._article_id:
            self.complete_spans(controller.current_spans, controller.current_damaged)

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
        # asked ~8 roles per visible cell per paint: plain ints, the common "no" first
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows):
            return None
        span = self._rows[row]
        if role == _ID:
            return int(span[2])
        if col == KIND and role != _TIP and role != _ANNOTATION:
            return kind_label(span[3]) if role == _DISPLAY else self._icon(span[3])
        if role == _DECORATION:
            return None
        a = self._annotation(span)
        if a is None:  # gone from the library behind our back
            return None
        if role == _DISPLAY:
            if col == QUOTE:
                return one_line(a.quote) if a.damage is None else one_line(
                    f"{DAMAGED_MARK}: {a.quote}")
            return one_line(value_text(a, self._names) if col == VALUE else a.note)
        if role == _ANNOTATION:
            return a
        if a.damage is not None:  # a flagged tag's tooltip says first why it is flagged
            return f"{DAMAGED_MARK}: {a.damage.reason}.\n{a.quote[:TOOLTIP_LIMIT]}"
        if col == NOTE and a.note:
            return a.note[:TOOLTIP_LIMIT]
        if col == VALUE and (text := value_text(a, self._names)):
            tip = value_tip(a)
            return f"{text}\n{tip}" if tip else text
        if col == KIND:  # who made it: a merged library holds several analysts' tags
            return f"{kind_label(a.kind)} by {a.analyst}" if a.analyst else kind_label(a.kind)
        return a.quote[:TOOLTIP_LIMIT]

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
