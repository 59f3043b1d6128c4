"""The Codebook dialog: the own codes as a tree with colour swatches and keys; create,
rename, recolour, set key, move under another code, merge, delete. Each change is one undo
command (gui/commands/codebook.py) pushed through the codebook flow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.codebook import KEYS, Code
from reader_app.gui.commands.codebook import CreateCodeCommand, EditCodeCommand, RemoveCodeCommand
from reader_app.gui.shared.plain_text import tip
from reader_app.gui.window.codebook_flow import swatch

if TYPE_CHECKING:
    from reader_app.gui.window.codebook_flow import CodebookFlow

NAME, KEY, TAGS, DESCRIPTION = range(4)
_ID = Qt.ItemDataRole.UserRole


class CodebookDialog(QDialog):
    def __init__(self, flow: CodebookFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.setObjectName("codebookDialog")
        self.setWindowTitle("Codebook")
        self.codes: dict[int, Code] = {}
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("codeTree")
        self.tree.setHeaderLabels(["Code", "Key", "Tags", "Description"])
        self.tree.setColumnWidth(NAME, 220)
        self.tree.setColumnWidth(KEY, 40)
        self.tree.setColumnWidth(TAGS, 50)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)

        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("newCodeName")
        self.new_name.setPlaceholderText("New code's name, e.g. Location")
        self.add_button = QPushButton("&Add Code", self)
        self.add_button.setObjectName("addCodeButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.new_name.returnPressed.connect(self._on_add_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)

        box = QGroupBox("Selected code", self)
        self.name_edit = QLineEdit(box)
        self.name_edit.setObjectName("codeNameEdit")
        self.name_edit.editingFinished.connect(self._on_name_edited)
        self.colour_button = QPushButton("Colour…", box)
        self.colour_button.setObjectName("codeColourButton")
        self.colour_button.clicked.connect(self._on_colour_clicked)
        self.key_combo = QComboBox(box)
        self.key_combo.setObjectName("codeKeyCombo")
        self.key_combo.addItem("none", None)
        for k in KEYS:
            self.key_combo.addItem(str(k), k)
        self.key_combo.activated.connect(self._on_key_activated)
        self.parent_combo = QComboBox(box)
        self.parent_combo.setObjectName("codeParentCombo")
        self.parent_combo.activated.connect(self._on_parent_activated)
        self.description_edit = QLineEdit(box)
        self.description_edit.setObjectName("codeDescriptionEdit")
        self.description_edit.editingFinished.connect(self._on_description_edited)
        self.target_combo = QComboBox(box)
        self.target_combo.setObjectName("codeTargetCombo")
        self.target_combo.setToolTip("The code that Merge (and Delete of a code in use) moves"
                                     " the tags to")
        self.merge_button = QPushButton("&Merge Into", box)
        self.merge_button.setObjectName("mergeCodeButton")
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.delete_button = QPushButton("&Delete", box)
        self.delete_button.setObjectName("deleteCodeButton")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        key_row = QHBoxLayout()
        key_row.addWidget(self.colour_button)
        key_row.addWidget(QLabel("Key:", box))
        key_row.addWidget(self.key_combo)
        key_row.addStretch(1)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_combo, 1)
        target_row.addWidget(self.merge_button)
        target_row.addWidget(self.delete_button)
        form = QFormLayout(box)
        form.addRow("Name:", self.name_edit)
        form.addRow("Colour:", key_row)
        form.addRow("Under:", self.parent_combo)
        form.addRow("Description:", self.description_edit)
        form.addRow("Tags to:", target_row)
        self.selected_box = box

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(add_row)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.resize(620, 520)

    # -- showing the codebook --------------------------------------------------------
    def reload(self) -> None:
        keep = self.selected_id()
        codes = self.flow.codes()
        used = self.flow.usage()
        self.codes = {c.id: c for c in codes}
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for code in codes:
            item = QTreeWidgetItem([code.name, str(code.key or ""), str(used.get(code.kind, 0)),
                                    code.description])
            item.setIcon(NAME, swatch(code.colour))
            item.setData(NAME, _ID, code.id)
            item.setToolTip(NAME, tip(code.description or code.name))  # plain text
            items[code.id] = item
        for code in codes:
            parent = items.get(code.parent_id) if code.parent_id is not None else None
            (parent.addChild if parent is not None else self.tree.addTopLevelItem)(items[code.id])
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if keep in items:
            self.tree.setCurrentItem(items[keep])
        elif codes:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show_selected()

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(NAME, _ID)) if item is not None else None

    def selected(self) -> Code | None:
        i = self.selected_id()
        return self.codes.get(i) if i is not None else None

    def select_code(self, name: str) -> None:
        for item in self.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive):
            self.tree.setCurrentItem(item)
            return

    @Slot()
    def _on_tree_current_item_changed(self, *_args: object) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        code = self.selected()
        self.selected_box.setEnabled(code is not None)
        self.name_edit.setText(code.name if code else "")
        self.description_edit.setText(code.description if code else "")
        self.colour_button.setIcon(swatch(code.colour) if code else swatch("#ffffff"))
        self.key_combo.setCurrentIndex(self.key_combo.findData(code.key) if code else 0)
        self.parent_combo.clear()
        self.target_combo.clear()
        self.parent_combo.addItem("(top level)", None)
        if code is None:
            return
        for other in self.codes.values():
            if other.id != code.id:
                self.target_combo.addItem(swatch(other.colour), other.name, other.id)
                self.parent_combo.addItem(swatch(other.colour), other.name, other.id)
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(code.parent_id)))

    def update_counts(self) -> None:
        """The Tags column again (tags were made, removed or re-coded since)."""
        used = self.flow.usage()
        for item in self._items():
            code = self.codes.get(int(item.data(NAME, _ID)))
            if code is not None:
                item.setText(TAGS, str(used.get(code.kind, 0)))

    def _items(self) -> list[QTreeWidgetItem]:
        todo = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        found = []
        while todo:
            item = todo.pop()
            found.append(item)
            todo.extend(item.child(i) for i in range(item.childCount()))
        return found

    # -- changing it ---------------------------------------------------------------
    def _edit(self, **fields: object) -> None:
        code = self.selected()
        if code is not None and any(getattr(code, k) != v for k, v in fields.items()):
            self.flow.push(EditCodeCommand, code, **fields)
            if self.selected() == code:  # refused (a key or name taken): show what is stored
                self._show_selected()

    @Slot()
    def _on_add_clicked(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            self.new_name.setFocus()
            return
        taken = {c.key for c in self.codes.values()}
        key = next((k for k in KEYS if k not in taken), None)
        self.flow.push(CreateCodeCommand, name, key=key)
        if any(c.name.casefold() == " ".join(name.split()).casefold()
               for c in self.flow.codes()):
            self.new_name.clear()
            self.select_code(" ".join(name.split()))

    @Slot()
    def _on_name_edited(self) -> None:
        if self.name_edit.text().strip():
            self._edit(name=" ".join(self.name_edit.text().split()))

    @Slot()
    def _on_description_edited(self) -> None:
        self._edit(description=self.description_edit.text().strip())

    @Slot()
    def _on_colour_clicked(self) -> None:
        code = self.selected()
        if code is None:
            return
        colour = QColorDialog.getColor(QColor(code.colour), self, f"Colour of {code.name}")
        if colour.isValid():
            self._edit(colour=colour.name())

    @Slot(int)
    def _on_key_activated(self, _index: int) -> None:
        self._edit(key=self.key_combo.currentData())

    @Slot(int)
    def _on_parent_activated(self, _index: int) -> None:
        self._edit(parent_id=self.parent_combo.currentData())

    def _target(self) -> Code | None:
        i = self.target_combo.currentData()
        return self.codes.get(i) if i is not None else None

    @Slot()
    def _on_merge_clicked(self) -> None:
        code, into = self.selected(), self._target()
        if code is not None and into is not None:
            self.flow.push(RemoveCodeCommand, code, into, True)

    @Slot()
    def _on_delete_clicked(self) -> None:
        code = self.selected()
        if code is None:
            return
        used = self.flow.usage().get(code.kind, 0)
        into = None
        if used:
            into = self._target()
            if into is None:
                QMessageBox.information(self, "Codebook", "This code is in use: add another"
                                        " code to move its tags to first.")
                return
            box = QMessageBox(QMessageBox.Icon.Question, "Delete code",
                              f"{code.name} is used by {used} tag(s). Move them to"
                              f" {into.name} and delete {code.name}?",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                              self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # code names are data
            box.setObjectName("deleteCodeQuestion")
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        self.flow.push(RemoveCodeCommand, code, into, False)
