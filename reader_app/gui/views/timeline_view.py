"""The Timeline tab: every dated claim, date tag and article on one time axis.

Lanes by claimant or by kind; the kind, item-date range and the search's own facets
(gui.lists.search_facets: one SearchFilter for both) choose the items. It follows each
ChangeSet (re-reading the items, keeping the zoom). The items are read as compact arrays
(services.timeline_data) on a loader thread, so the window never waits for 50,000 rows;
an answer to a request since replaced is dropped. timeline_picture draws the same scene
into a QImage without a window (the report embeds it).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.search_query import SearchFilter
from reader_app.gui.controller import LibraryController
from reader_app.gui.jobs.view_loader import ViewLoader
from reader_app.gui.lists.lazy_pane import LazyPane
from reader_app.gui.lists.search_facets import SearchFacets, iso_bound
from reader_app.gui.shared.flow_layout import FlowLayout
from reader_app.gui.shared.palette import is_dark
from reader_app.gui.shared.plain_text import clip, plain_label
from reader_app.gui.views.timeline_axis import LABEL_W, draw_axis, draw_lane_names
from reader_app.gui.views.timeline_canvas import TimelineCanvas
from reader_app.gui.views.timeline_scene import AXIS_H, LANE_H, TimelineScene
from reader_app.services.changes import ChangeSet
from reader_app.services.timeline import TIMELINE_KINDS, TimelineItem
from reader_app.services.timeline_data import (
    TimelineData,
    TimelineMark,
    actor_name_list,
    timeline_data,
)
from reader_app.storage.articles import NotFound

_KIND_NAMES = {"claim": "Claims", "date": "Dates", "article": "Articles"}
LOADING = "Loading…"
EMPTY_LIBRARY = ("No dated items in this library yet.\nTag a date in an article, give a claim"
                 " a date or an article its published date, and it shows here.")
NO_MATCH = ("No dated items match these filters.\nTick more kinds, clear the date range or"
            " widen the search's facets (Filters).")


def empty_message(data: TimelineData) -> str:
    """What an empty timeline says: why nothing shows, and what to do."""
    return "" if len(data) else (NO_MATCH if data.in_library else EMPTY_LIBRARY)


class TimelineView(LazyPane):

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._controller = controller
        self.lanes_combo = QComboBox(self)
        self.lanes_combo.setObjectName("timelineLanes")
        self.lanes_combo.addItem("Lanes by claimant", "actor")
        self.lanes_combo.addItem("Lanes by kind", "kind")
        self.lanes_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in TIMELINE_KINDS:
            box = QCheckBox(_KIND_NAMES[kind], self)
            box.setObjectName(f"timelineKind_{kind}")
            box.setChecked(True)
            box.toggled.connect(self._on_filter_changed)
            self.kind_boxes[kind] = box
        self.date_from = self._date_edit("timelineFrom", "from YYYY-MM-DD")
        self.date_to = self._date_edit("timelineTo", "to YYYY-MM-DD")
        self.facets_button = QToolButton(self)
        self.facets_button.setObjectName("timelineFacetsButton")
        self.facets_button.setText("Filters")
        self.facets_button.setCheckable(True)
        self.facets_button.setToolTip("Actor, status, grade, published, source, analyst: the search's facets")
        # the search's own facets; its kind boxes are the search's (articles with such a
        # tag), so the timeline's kind boxes above stand in for them
        self.facets = SearchFacets(self)
        for box in self.facets.kinds.values():
            box.hide()
        self.facets.hide()
        self.facets_button.toggled.connect(self.facets.setVisible)
        self.facets.changed.connect(self._on_filter_changed)
        self.canvas = TimelineCanvas(self)
        self.canvas.item_clicked.connect(self._on_canvas_item_clicked)
        self.canvas.details = self._details
        self.loading = False
        self._generation = 0
        self._keep_view = False
        self._stopped = False
        self._actor_names: list[str] = []
        self._detail_cache: dict[tuple[str, int], TimelineItem | None] = {}
        self._loader = ViewLoader(controller.db_path, "timeline-loader")
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        self.count_label = plain_label(QLabel(self))
        self.count_label.setObjectName("timelineCount")
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(200)
        self._reload_timer.timeout.connect(self._reload_keeping_view)

        filters = QWidget(self)  # the row wraps when the pane is narrow (it keeps its width)
        bar = FlowLayout(filters)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.lanes_combo)
        for box in self.kind_boxes.values():
            bar.addWidget(box)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(self.facets_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(filters)
        layout.addWidget(self.facets)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.canvas)
        controller.changed.connect(self._on_controller_changed)

    def _date_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip("The items' own dates: a day, a month or a year")
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(130)
        edit.textChanged.connect(self._on_filter_changed)
        return edit

    # -- what shows ----------------------------------------------------------------

    def search_filter(self) -> SearchFilter:
        values = self.facets.values()
        values["kinds"] = ()
        return SearchFilter(**values)

    def lane_mode(self) -> str:
        return self.lanes_combo.currentData()

    def shown_items(self) -> list[TimelineMark]:
        scene = self.canvas.timeline()
        return scene.data.marks() if scene else []

    def is_loaded(self) -> bool:
        return super().is_loaded() and not self.loading

    def lanes(self) -> list[str]:
        scene = self.canvas.timeline()
        return scene.lanes if scene else []

    def reload(self, keep_view: bool = False) -> None:
        """Read the items again with the current filters, on the loader's thread; the
        view shows what it has (or "Loading…") until they arrive."""
        if self._stopped:  # the window closed: a change made as it closed reads nothing
            return
        kinds = [k for k, box in self.kind_boxes.items() if box.isChecked()]
        lo, hi = self._bound(self.date_from, False), self._bound(self.date_to, True)
        flt, lane_by = self.search_filter(), self.lane_mode()
        self._generation += 1
        bad = next((e.text().strip() for e, bound in ((self.date_from, lo), (self.date_to, hi))
                    if e.text().strip() and bound is None), None)
        if bad is not None:  # not silently dropped: the analyst would read every date as in range
            self._show(TimelineData(lane_by, in_library=True),
                       f"Not a date: {clip(bad, 40)} (type YYYY, YYYY-MM or YYYY-MM-DD)")
            return
        self._keep_view = keep_view
        self.loading = True
        self.count_label.setText(LOADING)
        if self.canvas.timeline() is None:
            self.canvas.set_message(LOADING)
        self._loader.request(self._generation, lambda db: (timeline_data(
            db, flt, kinds=kinds, date_from=lo, date_to=hi, lane_by=lane_by),
            actor_name_list(db)))

    def stop_loading(self) -> None:
        """End the loader's thread (the window closes); later answers are dropped."""
        self._generation += 1
        self._stopped = True
        self._reload_timer.stop()
        self._loader.stop()

    @Slot(int, object)
    def _on_loader_loaded(self, generation: int, result: tuple[TimelineData, list[str]]) -> None:
        if generation != self._generation:
            return  # the filters changed since: a newer answer is on its way
        data, names = result
        if names != self._actor_names:  # the list only: what the analyst typed stays
            self._actor_names = names
            self.facets.set_actor_names(names)
        self._show(data, None)

    @Slot(int, str)
    def _on_loader_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:  # a facet the search refuses: say so, show nothing
            self._show(TimelineData(self.lane_mode(), in_library=True), message)

    def _show(self, data: TimelineData, problem: str | None) -> None:
        self.loading = False
        self._detail_cache.clear()  # read again: a quote or title may have changed
        scene = TimelineScene(data, is_dark(self.palette()), self)
        self.canvas.set_timeline(scene, self._keep_view)
        self.canvas.set_message(problem or empty_message(data))
        n = len(data)
        noun = "item" if n == 1 else "items"
        lanes = f"{len(scene.lanes)} lane" + ("" if len(scene.lanes) == 1 else "s")
        self.count_label.setText(problem or f"{n} dated {noun} in {lanes}")

    def _details(self, mark: TimelineMark) -> TimelineItem | None:
        """The whole item under the pointer, read once per item while the data stands
        (a mouse move over one dot asks again and again)."""
        ref = mark.article_id if mark.annotation_id is None else mark.annotation_id
        if (mark.kind, ref) not in self._detail_cache:
            if len(self._detail_cache) > 500:
                self._detail_cache.clear()
            self._detail_cache[mark.kind, ref] = self._controller.timeline_item(mark.kind, ref)
        return self._detail_cache[mark.kind, ref]

    def _bound(self, edit: QLineEdit, upper: bool) -> str | None:
        typed = edit.text().strip()
        return iso_bound(typed, upper) if typed else None

    def apply_changes(self, changes: ChangeSet) -> None:
        # claims and date tags are on the axis; an actor's rename renames a lane; an
        # article's published date is an item (an actor tag alone changes nothing here)
        tags = changes.tags_added + changes.tags_changed + changes.tags_removed
        if (any(t.kind in ("claim", "date") for t in tags) or changes.claims
                or changes.actors or changes.articles_added or changes.articles_removed
                or changes.articles_changed):
            self._reload_timer.start()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.is_loaded():
            # a new theme (View > Theme): the marks in its colours, now or when next shown
            if self.isVisible():
                self._reload_timer.start()
            else:
                self._stale = True

    @Slot()
    def _reload_keeping_view(self) -> None:
        self.reload(keep_view=True)

    @Slot()
    def _on_filter_changed(self, *_args: object) -> None:
        if self.is_loaded():
            self._reload_timer.start()

    @Slot(object)
    def _on_canvas_item_clicked(self, item: TimelineMark) -> None:
        if item.annotation_id is None:  # an article's published date: open the article
            try:
                self._controller.open_article(item.article_id)
            except NotFound:
                self._controller.error_occurred.emit("That article is no longer in the library.")
        else:
            self._controller.open_annotation(item.article_id, item.annotation_id)


def timeline_picture(db, flt: SearchFilter | None, width: int, height: int, *,
                     dark: bool = False, article_ids: Sequence[int] | None = None) -> QImage:
    """The timeline of what flt selects, within article_ids if given (all lanes by
    claimant, the whole time span) as a width x height image; no window needed (a
    QApplication is made if there is none)."""
    app = QApplication.instance() or _make_app()
    data = timeline_data(db, flt, lane_by="actor", article_ids=article_ids)
    scene = TimelineScene(data, dark)
    palette = QPalette(app.palette())  # a page's colours, whatever the app's theme
    palette.setColor(QPalette.ColorRole.Window, QColor("#1e1f22" if dark else "#ffffff"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6" if dark else "#202020"))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Window))
    first, last = scene.extent
    sx = max(1.0, width - LABEL_W) / max(1.0, last - first)
    dx = LABEL_W - first * sx
    lanes_h = max(1, len(scene.lanes)) * LANE_H
    sy = min(1.0, max(1.0, height - AXIS_H) / lanes_h)  # many lanes: squeezed to fit
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if not len(data):  # not a blank axis around today: say so
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter),
                         "No dated items in this selection.")
        painter.end()
        scene.deleteLater()
        return image
    scene.render(painter, QRectF(LABEL_W, AXIS_H, width - LABEL_W, lanes_h * sy),
                 QRectF(first, AXIS_H, last - first, lanes_h), Qt.AspectRatioMode.IgnoreAspectRatio)
    draw_axis(painter, palette, width, height, sx, dx, scene.day_of, scene.x_of)
    draw_lane_names(painter, palette, scene.lanes, sy, AXIS_H * (1 - sy), height)
    painter.end()
    scene.deleteLater()
    return image


_APP: list[QApplication] = []  # kept alive: the report's picture outside the window


def _make_app() -> QApplication:
    _APP.append(QApplication([]))
    return _APP[0]
