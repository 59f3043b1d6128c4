"""The Timeline tab: every dated claim, date tag and article on one time axis.

Lanes by claimant or by kind; the kind, item-date range and the search's own facets
(gui.lists.search_facets: one SearchFilter for both) choose the items. It follows each
ChangeSet (re-reading the items, keeping the zoom). timeline_picture draws the same
scene into a QImage without a window (the report embeds it).
"""

from __future__ import annotations

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
from reader_app.gui.lists.lazy_pane import LazyPane
from reader_app.gui.lists.search_facets import SearchFacets, iso_bound
from reader_app.gui.shared.flow_layout import FlowLayout
from reader_app.gui.shared.palette import is_dark
from reader_app.gui.shared.plain_text import plain_label
from reader_app.gui.views.timeline_axis import LABEL_W, draw_axis, draw_lane_names
from reader_app.gui.views.timeline_canvas import TimelineCanvas
from reader_app.gui.views.timeline_scene import AXIS_H, LANE_H, TimelineScene
from reader_app.services.changes import ChangeSet
from reader_app.services.timeline import TIMELINE_KINDS, TimelineItem, timeline_items
from reader_app.storage.articles import NotFound

_KIND_NAMES = {"claim": "Claims", "date": "Dates", "article": "Articles"}


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

    def shown_items(self) -> list[TimelineItem]:
        scene = self.canvas.timeline()
        return scene.items_ if scene else []

    def lanes(self) -> list[str]:
        scene = self.canvas.timeline()
        return scene.lanes if scene else []

    def reload(self, keep_view: bool = False) -> None:
        """Read the items again with the current filters."""
        self.facets.set_actor_names([a.name for a in self._controller.actors()])
        kinds = [k for k, box in self.kind_boxes.items() if box.isChecked()]
        bounds = [self._bound(self.date_from, False), self._bound(self.date_to, True)]
        try:
            items = self._controller.timeline_items(self.search_filter(), kinds=kinds,
                                                    date_from=bounds[0], date_to=bounds[1])
            problem = None
        except ValueError as exc:  # a facet the search refuses: say so, show nothing
            items, problem = [], str(exc)
        scene = TimelineScene(items, self.lane_mode(), is_dark(self.palette()), self)
        self.canvas.set_timeline(scene, keep_view)
        noun = "item" if len(items) == 1 else "items"
        lanes = f"{len(scene.lanes)} lane" + ("" if len(scene.lanes) == 1 else "s")
        self.count_label.setText(problem or f"{len(items)} dated {noun} in {lanes}")

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
    def _on_canvas_item_clicked(self, item: TimelineItem) -> None:
        if item.annotation_id is None:  # an article's published date: open the article
            try:
                self._controller.open_article(item.article_id)
            except NotFound:
                self._controller.error_occurred.emit("That article is no longer in the library.")
        else:
            self._controller.open_annotation(item.article_id, item.annotation_id)


def timeline_picture(db, flt: SearchFilter | None, width: int, height: int, *,
                     dark: bool = False) -> QImage:
    """The timeline of what flt selects (all lanes by claimant, the whole time span) as
    a width x height image; no window needed (a QApplication is made if there is none)."""
    app = QApplication.instance() or _make_app()
    items = timeline_items(db, flt)
    scene = TimelineScene(items, "actor", dark)
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
