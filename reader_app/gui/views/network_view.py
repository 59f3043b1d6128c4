"""The Actor network tab: who claims what about whom, drawn from the library.

Reads the library when first shown and again after a change while it shows; filters are
the published-date range, the articles matching a search, the minimum edge weight and
co-mention on/off. The read and the networkx layout run on a loader thread (seconds for a
big library); the tab says "Loading…" meanwhile and drops an answer to a request it has
since replaced. network_picture (its own module) draws the same scene for the report.
"""

from __future__ import annotations

import networkx as nx
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QPixmap, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.search_query import SearchFilter
from reader_app.gui.controller import LibraryController
from reader_app.gui.jobs.view_loader import ViewLoader
from reader_app.gui.lists.search_facets import iso_bound
from reader_app.gui.shared.flow_layout import FlowLayout
from reader_app.gui.shared.palette import is_dark
from reader_app.gui.shared.plain_text import clip, plain_label
from reader_app.gui.views.network_export import ExportButton
from reader_app.gui.views.network_scene import (
    MAX_ZOOM,
    TYPE_COLOURS,
    EdgeItem,
    NodeItem,
    build_scene,
    type_colour,
    type_label,
)
from reader_app.services.actor_network import (
    CO_MENTION,
    LoadedNetwork,
    Position,
    claim_list,
    load_network,
)
from reader_app.services.changes import ChangeSet

CLAIM_ROLE = Qt.ItemDataRole.UserRole  # (article id, claim id) of a listed claim
LOADING = "Loading…"
EMPTY = "No actors in this selection: tag actors in the articles, or widen the filters."


class NetworkCanvas(QGraphicsView):
    node_clicked = Signal(int)
    edge_clicked = Signal(object)  # the EdgeItem

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("actorNetworkCanvas")
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        for bar in (self.setHorizontalScrollBarPolicy, self.setVerticalScrollBarPolicy):
            bar(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wheel zooms, drag pans

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # the topmost actor or edge there (labels lie above both and take no clicks)
        item = next((i for i in self.items(event.position().toPoint())
                     if isinstance(i, (NodeItem, EdgeItem))), None)
        if event.button() == Qt.MouseButton.LeftButton and isinstance(item, NodeItem):
            self.node_clicked.emit(item.actor_id)
        elif event.button() == Qt.MouseButton.LeftButton and isinstance(item, EdgeItem):
            self.edge_clicked.emit(item)
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.0015 ** event.angleDelta().y()
        self.scale(factor, factor)

    def resizeEvent(self, event) -> None:
        # the window or the claim list below changed its size: all of it in view again
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """All of it in view, centred; a few actors are not blown up past MAX_ZOOM."""
        self.resetTransform()
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > MAX_ZOOM:
                self.setTransform(QTransform.fromScale(MAX_ZOOM, MAX_ZOOM))
                self.centerOn(rect.center())


class ActorNetworkView(QWidget):
    actor_clicked = Signal(int)  # the window selects that actor in the Actors tab

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorNetworkView")
        self._controller = controller
        self._stale = True
        self._positions: dict[int, Position] = {}
        self.loading = False
        self._generation = 0
        self._loader = ViewLoader(controller.db_path, "network-loader")
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        self.graph = self.full_graph = nx.MultiDiGraph()
        self.nodes: dict[int, NodeItem] = {}
        self.edges: list[EdgeItem] = []

        self.date_from = self._date_edit("networkDateFrom", "From YYYY-MM-DD")
        self.date_to = self._date_edit("networkDateTo", "To YYYY-MM-DD")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("networkSearch")
        self.search_edit.setPlaceholderText("Only articles matching…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.editingFinished.connect(self.reload)
        self.min_weight = QSpinBox(self)
        self.min_weight.setObjectName("networkMinWeight")
        self.min_weight.setRange(1, 9999)
        self.min_weight.setPrefix("≥ ")
        self.min_weight.setToolTip("Hide edges of fewer claims (or sentences) than this")
        self.min_weight.valueChanged.connect(self.reload)
        self.co_mention = QCheckBox("Co-mention", self)
        self.co_mention.setObjectName("networkCoMention")
        self.co_mention.setToolTip("Also link actors tagged in the same sentence (dashed)")
        self.co_mention.toggled.connect(self.reload)
        self.export_button = ExportButton(self, lambda: self.full_graph, self.scene_for_export)

        self.scene = QGraphicsScene(self)
        self.canvas = NetworkCanvas(self.scene, self)
        self.canvas.node_clicked.connect(self._on_canvas_node_clicked)
        self.canvas.edge_clicked.connect(self._on_canvas_edge_clicked)
        self.info = plain_label(QLabel(self))
        self.info.setObjectName("networkInfo")
        self.info.setWordWrap(True)
        self.claim_list = QListWidget(self)
        self.claim_list.setObjectName("networkEdgeClaims")
        self.claim_list.itemActivated.connect(self._on_claim_list_item_activated)
        self.claim_list.itemClicked.connect(self._on_claim_list_item_activated)
        self.claim_list.hide()  # until an edge is clicked

        row = QWidget(self)  # wraps when the pane is narrow (it keeps its width)
        filters = FlowLayout(row)
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.date_from, self.date_to, self.min_weight, self.co_mention):
            filters.addWidget(widget)
        filters.addWidget(self.export_button)
        self.split = split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.canvas)
        split.addWidget(self.claim_list)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(row)
        box.addWidget(self.search_edit)
        box.addWidget(split, 1)
        box.addWidget(_legend(self, is_dark(self.palette())))
        box.addWidget(self.info)
        controller.changed.connect(self._on_controller_changed)

    def _date_edit(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        edit.setMaxLength(10)
        edit.setClearButtonEnabled(True)
        edit.editingFinished.connect(self.reload)
        return edit

    # -- reading ------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the network again on the loader's thread; actors that stay keep their
        places. The old picture stays (or "Loading…" shows) until the answer arrives."""
        self._stale = False
        text = self.search_edit.text().strip()
        try:
            lo, hi = _iso_day(self.date_from.text()), _iso_day(self.date_to.text(), upper=True)
        except ValueError as e:  # a date the analyst mistyped
            self._generation += 1  # an answer on its way is for other filters
            self.loading = False
            self.info.setText(str(e))
            return
        search = SearchFilter(text=text) if text else None
        weight, co = self.min_weight.value(), self.co_mention.isChecked()
        previous = dict(self._positions)  # the thread's own copy
        self._generation += 1
        self.loading = True
        self.info.setText(LOADING)
        if not self.nodes:
            self.say(LOADING)
        self._loader.request(self._generation, lambda db: load_network(
            db, search, date_from=lo, date_to=hi, min_weight=weight, co_mention=co,
            previous=previous))

    def stop_loading(self) -> None:
        """End the loader's thread (the window closes); later answers are dropped."""
        self._generation += 1
        self._loader.stop()

    @Slot(int, str)
    def _on_loader_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:  # a search the parser refuses
            self.loading = False
            if not self.nodes:
                self.scene.clear()  # no "Loading…" left behind
            self.info.setText(message)

    @Slot(int, object)
    def _on_loader_loaded(self, generation: int, loaded: LoadedNetwork) -> None:
        if generation != self._generation:
            return  # the filters changed since: a newer answer is on its way
        self.loading = False
        self.full_graph, self.graph = loaded.full, loaded.shown  # full: what GraphML/GEXF get
        # every place ever given is remembered: an actor a filter hid comes back to it
        self._positions = loaded.positions
        self.nodes, self.edges = build_scene(self.scene, self.graph, self._positions,
                                             is_dark(self.palette()))
        self.claim_list.clear()
        self.claim_list.hide()
        if not self.nodes:  # not a blank canvas: say why
            self.say(EMPTY)
        self.canvas.fit()
        actors, links = len(self.nodes), len(self.edges)
        text = f"{actors} actor{'s' * (actors != 1)}, {links} edge{'s' * (links != 1)}"
        if len(self.full_graph) > actors:
            text += (f" (the {actors} strongest of {len(self.full_graph):,}: raise the minimum"
                     " weight or narrow the dates; exports to Gephi hold them all)")
        self.info.setText(text)

    def say(self, text: str) -> None:
        """The canvas shows only text, in the theme's text colour (black on dark was unseen)."""
        self.scene.clear()
        self.scene.addSimpleText(text).setBrush(self.palette().color(QPalette.ColorRole.Text))

    def scene_for_export(self) -> QGraphicsScene:
        return self.scene

    def is_loaded(self) -> bool:
        return not self._stale and not self.loading

    @Slot(ChangeSet)
    def _on_controller_changed(self, _changes: ChangeSet) -> None:
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._reload_if_stale)  # one read after a burst of changes

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "scene"):
            dark = is_dark(self.palette())  # a new theme (View > Theme): its colours
            for kind in TYPE_COLOURS:
                swatch = self.findChild(QLabel, f"networkSwatch_{kind}")
                if swatch is not None:
                    swatch.setPixmap(_swatch(kind, dark))
            if self.is_loaded():
                self._on_controller_changed(ChangeSet())

    def _reload_if_stale(self) -> None:
        if self._stale and self.isVisible():  # a closed window's library is closed too
            self.reload()

    def showEvent(self, event) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    # -- clicks -------------------------------------------------------------------------

    @Slot(int)
    def _on_canvas_node_clicked(self, actor_id: int) -> None:
        self.info.setText(f"{self.nodes[actor_id].name}: selected in the Actors tab")
        self.actor_clicked.emit(actor_id)

    @Slot(object)
    def _on_canvas_edge_clicked(self, edge: EdgeItem) -> None:
        self.show_edge_claims(edge)

    def show_edge_claims(self, edge: EdgeItem) -> None:
        """List the claims of an edge (a co-mention edge has none: say so)."""
        self.claim_list.clear()
        self.claim_list.hide()
        source, target = self.nodes[edge.source].name, self.nodes[edge.target].name
        if edge.kind == CO_MENTION:
            self.info.setText(f"{source} and {target}: named together in {edge.weight}"
                              " sentence(s)")
            return
        self.info.setText(f"Claims by {source} about {target}: {len(edge.claims)}")
        if self.claim_list.isHidden():
            self.claim_list.show()
            total = sum(self.split.sizes())
            self.split.setSizes([total - total // 4, total // 4])  # the network stays large
        for claim_id, article_id, _start, quote, title in claim_list(self._controller.db,
                                                                       edge.claims):
            item = QListWidgetItem(f"“{clip(quote, 160)}” — {clip(title, 60)}")  # plain text
            item.setData(CLAIM_ROLE, (article_id, claim_id))
            self.claim_list.addItem(item)

    @Slot(QListWidgetItem)
    def _on_claim_list_item_activated(self, item: QListWidgetItem) -> None:
        article_id, claim_id = item.data(CLAIM_ROLE)
        self._controller.open_annotation(article_id, claim_id)


def _swatch(kind: str, dark: bool) -> QPixmap:
    swatch = QPixmap(10, 10)
    swatch.fill(type_colour(kind, dark))
    return swatch


def _legend(parent: QWidget, dark: bool) -> QWidget:
    """A swatch and a name per actor type; wraps in a narrow pane (a row cut the names
    to "Pers", "Stat", "Arm" at 1024 px)."""
    legend = QWidget(parent)
    legend.setObjectName("networkLegend")
    flow = FlowLayout(legend)
    flow.setContentsMargins(0, 0, 0, 0)
    for kind in TYPE_COLOURS:
        entry = QWidget(legend)  # swatch and name stay together on one line
        row = QHBoxLayout(entry)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(4)
        icon = QLabel(entry)
        icon.setObjectName(f"networkSwatch_{kind}")
        icon.setPixmap(_swatch(kind, dark))
        row.addWidget(icon)
        row.addWidget(plain_label(QLabel(type_label(kind), entry)))
        flow.addWidget(entry)
    return legend


def _iso_day(text: str, upper: bool = False) -> str | None:
    """A typed year, month or day as a bound on ISO days ("2022-02" starts on the 1st and,
    as an upper bound, ends after its last day); a day not in the calendar is refused."""
    text = text.strip()
    if not text:
        return None
    if iso_bound(text, upper) is None:  # 2022-13 or 2022-02-30: matched nothing or all
        raise ValueError(f"Not a date: {clip(text, 40)} (type YYYY, YYYY-MM or YYYY-MM-DD)")
    # published values are compared as text: "-99" sorts after every day of that month
    return text + "-99" * ((10 - len(text)) // 3) if upper else text
