"""The reading pane: one article, its highlights, selection in code points.

Offsets: the document holds article.text 1:1 (see article_document), so a
document position is a UTF-16 unit of the text and OffsetMap converts it.
Highlights are painted (see highlights), never written into the document, so
the document stays unmodified and adding one costs the same with 10 or 20,000.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QSizeF, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QFontInfo, QPainter, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget

from reader_app.domain.models import Annotation, Article
from reader_app.domain.offsets import OffsetMap
from reader_app.domain.span_trim import tidy_span
from reader_app.domain.suggestions import Suggestion
from reader_app.gui.article.document import (
    DOCUMENT_MARGIN,
    build_document,
    build_empty_document,
)
from reader_app.gui.article.highlights import HighlightLayer, SpanIndex
from reader_app.gui.article.tag_cycle import TagCycle
from reader_app.gui.shared.palette import find_colour, is_dark, reading_font, selected_colour
from reader_app.gui.shared.plain_text import plain_label, refused_resource
from reader_app.storage.annotations import Span

MAX_WIDTH_EM = 42
MIN_SIDE = 8  # px of side margin when the window is narrow
_LINK_SCHEMES = ("http", "https")
_REBUILD_ON = (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
# keyboard selection too (a caret), so tagging works without a mouse
_READING = (
    Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class ArticleView(QTextBrowser):
    annotation_clicked = Signal(int)
    suggestion_clicked = Signal(object)  # (kind, start, end) of a suggestion, not over a tag
    selection_changed_span = Signal()
    link_open_requested = Signal(QUrl)
    article_shown = Signal()  # a new article (or the empty state) replaced the old one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.article: Article | None = None
        self.offset_map: OffsetMap | None = None
        self.warning: str | None = None
        self._press: QPointF | None = None
        self._hand = False
        self._cycle = TagCycle()
        self._after_paint: Callable[[], None] | None = None
        self._ready = False  # Qt sends change events while __init__ runs
        self.max_width_em: float | None = MAX_WIDTH_EM  # None: lines as wide as the pane
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        self.setFont(reading_font())
        self.setAutoFillBackground(True)  # the side margins show the same base colour
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._banner = _make_banner(self)
        self._layer = HighlightLayer(self)
        self._layer.changed.connect(self._on_layer_changed)
        self._warm = QTimer(self)  # the tags' rectangles, near the viewport first, in idle time
        self._warm.setSingleShot(True)
        self._warm.setInterval(0)
        self._warm.timeout.connect(self._on_warm_timeout)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.selectionChanged.connect(self._on_self_selection_changed)
        self._ready = True
        self._document: QTextDocument | None = None  # the one we set (None: Qt's initial one)
        self.clear_article()

    # -- content ---------------------------------------------------------------

    def show_article(self, article: Article, annotations: Sequence[Annotation | Span]) -> None:
        """annotations: Annotations or the spans (start, end, id, kind, quote) of them."""
        self.article = article
        self.offset_map = OffsetMap(article.text)
        doc, warning = build_document(article, self, self.font(), self.palette(), self.offset_map)
        self._layer.reset(doc, self.offset_map, annotations)
        self._replace_document(doc)
        self.setTextInteractionFlags(_READING)
        self._set_warning(warning)
        self.article_shown.emit()

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Call back once the article has been painted (from the event loop, just after)."""
        self._after_paint = callback

    def replace_annotations(self, annotations: Sequence[Annotation | Span]) -> None:
        """The article's tags anew (the same article): opening read only its top's."""
        if self.article is not None:
            self._layer.replace(annotations)

    def clear_article(self) -> None:
        """The friendly empty state: no article, nothing to select (no caret)."""
        self.article = None
        self.offset_map = None
        self._after_paint = None
        doc = build_empty_document(self, self.font(), self.palette())
        self._layer.reset(doc, OffsetMap(""), ())
        self._replace_document(doc)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._set_warning(None)
        self.article_shown.emit()

    def add_annotation(self, ann: Annotation) -> None:
        if self.article is not None:
            self._layer.add(ann)

    def remove_annotation(self, annotation_id: int, start: int = -1) -> None:
        """start: where the tag starts, if known (found without an id map)."""
        self._layer.remove(annotation_id, start)

    def update_annotation(self, ann: Annotation) -> None:
        self.add_annotation(ann)  # replaces the span of the same id; kind may change

    def highlighted_ids(self, start: int, end: int) -> list[int]:
        """Ids of annotations intersecting text[start:end] (what the painter would draw)."""
        return [s[2] for s in self._layer.index.overlapping(start, end)]

    def tag_index(self) -> SpanIndex:
        """The spans drawn (the open article's tags as kept up to date), in text order."""
        return self._layer.index

    # -- selection -------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """What a tag over the selection takes (domain/span_trim.py: sloppy edges
        trimmed, whole words); None when nothing, or nothing but punctuation, is selected."""
        raw = self.raw_selected_span()
        if raw is None or self.article is None:
            return None
        start, end = tidy_span(self.article.text, *raw)
        return (start, end) if start < end else None

    def raw_selected_span(self) -> tuple[int, int] | None:
        """The selection as selected, in code points (None: nothing is selected)."""
        cursor = self.textCursor()
        if self.article is None or self.offset_map is None or not cursor.hasSelection():
            return None
        omap = self.offset_map
        start = omap.to_code_point(cursor.selectionStart())
        end_unit = cursor.selectionEnd()
        end = omap.to_code_point(end_unit)
        if omap.to_utf16(end) < end_unit:  # end inside a surrogate pair: keep the character
            end += 1
        return (start, end) if start < end else None

    def spans_at(self, point: QPoint) -> list[Span]:
        """Every tag drawn under a viewport point, innermost first."""
        return self._layer.spans_at(QPointF(point) + self._scroll_offset())

    def select_span(self, start: int, end: int) -> None:
        """Select text[start:end] (code points) and scroll it into view."""
        if self.offset_map is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offset_map.to_utf16(start))
        cursor.setPosition(self.offset_map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def reveal_annotation(self, annotation_id: int) -> None:
        """Scroll the annotation into view (if it is not) and flash it briefly."""
        span = self._layer.index.get(annotation_id)
        if span is None:
            return
        rects = self._layer.rects(span[0], span[1])
        if rects:
            bar, height = self.verticalScrollBar(), self.viewport().height()
            if rects[0].top() < bar.value() or rects[-1].bottom() > bar.value() + height:
                bar.setValue(int(rects[0].top() - height / 3))
        self._layer.flash(annotation_id)

    def set_max_width_em(self, em: float | None) -> None:
        """The widest line, in ems of the reading font (View > Reading Width); None: all."""
        self.max_width_em = em
        self._update_margins()

    def set_selected_annotation(self, annotation_id: int | None) -> None:
        self._layer.select(annotation_id)

    def selected_annotation(self) -> int | None:
        """The tag outlined as selected."""
        return self._layer.selected_id

    # -- suggestions ---------------------------------------------------------------

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """Paint these suggestions (of the article shown) as dotted outlines."""
        if self.article is not None:
            self._layer.set_suggestions(suggestions)

    def drop_suggestions(self, gone: Sequence[Suggestion]) -> None:
        """Stop painting a few suggestions (the rest as they were)."""
        if self.article is not None:
            self._layer.drop_suggestions(gone)

    def idle_work_pending(self) -> bool:
        """Whether tag rectangles are still being found in idle time after a paint (the
        near bands, then the sweep of the article: highlights.warm_next)."""
        return self._warm.isActive()

    def set_current_suggestion(self, key: tuple[str, int, int] | None) -> None:
        """(kind, start, end) of the suggestion drawn strongly; None: none is."""
        self._layer.set_current_suggestion(key)

    def reveal_span(self, start: int, end: int) -> None:
        """Scroll text[start:end] into view, a third down if it is off screen, and select it."""
        if self.offset_map is None:
            return
        rects = self._layer.rects(start, end)
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if rects and (rects[0].top() < bar.value() or rects[-1].bottom() > bar.value() + height):
            bar.setValue(int(rects[0].top() - height / 3))
        value = bar.value()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offset_map.to_utf16(start))
        cursor.setPosition(self.offset_map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if rects:
            bar.setValue(value)  # setTextCursor scrolls only as far as the caret needs
        else:
            self.ensureCursorVisible()

    # -- find (used by FindBar) --------------------------------------------------

    def set_find_matches(self, matches: list[tuple[int, int]]) -> None:
        """Paint every find match (sorted, non-overlapping code-point spans)."""
        self._layer.set_matches(matches)

    def cursor_offset(self) -> int:
        """Code point where the selection or caret starts: a new search starts there."""
        if self.offset_map is None:
            return 0
        return self.offset_map.to_code_point(self.textCursor().selectionStart())

    # -- Qt overrides ------------------------------------------------------------

    def loadResource(self, resource_type: int, name: QUrl) -> object:
        # an article may not load anything: no files, no images, no network. Never None:
        # with None Qt would load the file itself
        return refused_resource(resource_type)

    def paintEvent(self, event) -> None:
        self._paint(event)
        if self._layer.wants_warm() and not self._warm.isActive():
            self._warm.start(0)  # after this paint, from the event loop: see warm_next
        if self._after_paint is not None:
            callback, self._after_paint = self._after_paint, None
            QTimer.singleShot(0, self, callback)  # dropped if the view goes first

    def _paint(self, event) -> None:
        layer = self._layer
        if layer.is_empty():
            super().paintEvent(event)
            return
        offset = self._scroll_offset()
        visible, spans = layer.visible_spans(offset, QSizeF(self.viewport().size()))  # both layers
        palette = self.palette()
        dark = is_dark(palette)
        accent = selected_colour(dark)  # per theme: visible on the page and on every fill
        find = find_colour(dark)
        # a painter left open when drawing raises takes the process down: always end it
        painter = QPainter(self.viewport())
        try:
            painter.translate(-offset)
            layer.paint_under(painter, visible, spans, dark, find)
        finally:
            painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            painter.translate(-offset)
            layer.paint_over(painter, visible, spans, dark, accent)
        finally:
            painter.end()

    def mousePressEvent(self, event) -> None:
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = event.position() if plain and left else None
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if left and not extend and self.textCursor().hasSelection():
            # a press inside the selection would start a text drag (Qt's default); the
            # reader drags no text: every press starts a new selection. The caret goes
            # where the press is (on screen, so nothing scrolls) before Qt sees it.
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() < QApplication.startDragDistance():
            # a click, not a drag: the innermost tag, or the next one out when the
            # same tags were clicked last (overlapping tags, see tag_cycle)
            hit = self._cycle.pick([s[2] for s in self.spans_at(event.position().toPoint())],
                                   self._layer.selected_id)
            if hit is not None:
                self.annotation_clicked.emit(hit)
                return
            key = self._layer.suggestion_at(QPointF(event.position()) + self._scroll_offset())
            if key is not None:
                self.suggestion_clicked.emit(key)

    def mouseDoubleClickEvent(self, event) -> None:
        # always Qt's word selection, inside a tag too: the word is ready for C, A or D
        # (the tag's editor opens from a double click in the tag list)
        self._cycle.forget()
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        point = event.position().toPoint()
        over = self.annotation_at(point) is not None
        if over and not self._hand:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        elif not over and self._hand and not self.anchorAt(point):
            self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self._hand = over

    def resizeEvent(self, event) -> None:
        self._update_margins()  # before the base class lays the text out at the new width
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        rebuild = self._ready and event.type() in _REBUILD_ON
        top = self._top_offset() if rebuild else None  # before Qt re-lays the old document out
        super().changeEvent(event)
        if rebuild:
            self._rebuild_document(top)  # colours and heading sizes derive from palette and font

    # -- internals ---------------------------------------------------------------

    def annotation_at(self, point: QPoint) -> int | None:
        """The innermost annotation drawn under a viewport point."""
        return self._layer.annotation_at(QPointF(point) + self._scroll_offset())

    def _scroll_offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _replace_document(self, doc: QTextDocument) -> None:
        # our own reference, not self.document(): the wrapper Qt hands back for a reused
        # address can be a stale one of another type (a QTextLayout read from an old document)
        old = self._document
        ours = old is not None and old is not doc and old.parent() is self
        # setDocument gives the document the view's wrap mode: set the document's first (a
        # long unbroken line must never be laid out at word boundaries, see article_document)
        self.setWordWrapMode(doc.defaultTextOption().wrapMode())
        self.setDocument(doc)  # deletes Qt's own initial document, never ours
        self._document = doc
        if ours:
            old.deleteLater()
        self.verticalScrollBar().setValue(0)

    def _rebuild_document(self, top: int | None = None) -> None:
        """top: the code point to keep at the viewport's top (None: the article's top)."""
        if self.article is None:
            self.clear_article()
            return
        doc, warning = build_document(
            self.article, self, self.font(), self.palette(), self.offset_map
        )
        self._layer.rebind(doc)
        self._replace_document(doc)
        self._set_warning(warning)
        self._scroll_to_offset(top)

    def _top_offset(self) -> int | None:
        """The code point at the top of the viewport (None: the article's top shows)."""
        if self.offset_map is None or self.verticalScrollBar().value() == 0:
            return None
        return self.offset_map.to_code_point(self.cursorForPosition(QPoint(0, 0)).position())

    def _scroll_to_offset(self, offset: int | None) -> None:
        """Back to the same text after a rebuild: a pixel offset is another place once the
        font changed, and the new document is laid out lazily (an old value clamps to ~0)."""
        if offset is None or self.article is None:
            return
        rects = self._layer.rects(offset, min(offset + 1, len(self.article.text)))
        if rects:  # laid out to there now: the scroll bar's range must say so first
            # (QTextEdit reads the laid-out size on this signal; documentSize() would lay
            # out the whole rest of the document: +0.5 s for 1 MB)
            self.document().documentLayout().documentSizeChanged.emit(
                QSizeF(self.document().textWidth(), rects[-1].bottom()))
            self.verticalScrollBar().setValue(int(rects[0].top()))

    def _set_warning(self, warning: str | None) -> None:
        self.warning = warning
        self._banner.setText(warning or "")
        self._banner.setVisible(warning is not None)
        self._update_margins()

    def _update_margins(self) -> None:
        """Centre a column of at most ~42em; the warning banner sits in the top margin."""
        inner = self.contentsRect()
        available = inner.width() - self.verticalScrollBar().sizeHint().width()
        side = MIN_SIDE
        if self.max_width_em is not None:
            column = self.max_width_em * QFontInfo(self.font()).pixelSize() + 2 * DOCUMENT_MARGIN
            side = max(MIN_SIDE, int(available - column) // 2)
        top = 0
        if self.warning is not None:
            top = self._banner.heightForWidth(inner.width())
            self._banner.setGeometry(inner.x(), inner.y(), inner.width(), top)
        self.setViewportMargins(side, top, side, 0)

    # -- slots -------------------------------------------------------------------

    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        if url.isValid() and url.scheme().lower() in _LINK_SCHEMES:
            self.link_open_requested.emit(url)

    @Slot()
    def _on_self_selection_changed(self) -> None:
        self.selection_changed_span.emit()

    @Slot()
    def _on_warm_timeout(self) -> None:
        delay = self._layer.warm_next()
        if delay is not None:
            self._warm.start(delay)  # one step a turn: input and painting come first

    @Slot()
    def _on_layer_changed(self) -> None:
        self.viewport().update()


def _make_banner(parent: QWidget) -> QLabel:
    banner = plain_label(QLabel(parent))
    banner.setObjectName("articleWarning")
    banner.setFont(QApplication.font())  # the UI font, not the view's reading font
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3c4; color: #4a3800; padding: 6px 10px;")
    banner.hide()
    return banner
