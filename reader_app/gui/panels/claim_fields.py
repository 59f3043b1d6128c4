"""The claim rows of the tag editor: claimant, claim date, status and the Admiralty code."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.models import CLAIM_STATUSES, Annotation
from reader_app.domain.quotes import quoted
from reader_app.gui.controller import LibraryController
from reader_app.gui.panels.editor_fields import FieldGroup, fill_actor_combo, select_data

NOBODY = "(nobody)"
NO_DATE = "(no date)"
NOT_EVALUATED = "(not evaluated)"


def date_item_text(tag: Annotation) -> str:
    """A date tag in the claim-date list: its value, then its words."""
    return f"{tag.value or 'unresolved'} — {quoted(tag.quote, 30)}"


class ClaimFields(FieldGroup):
    """Claim: who makes it, when (a date tag of the article or a typed ISO value), its
    status and the Admiralty code: source reliability A-F, information credibility 1-6."""

    kind = "claim"

    def __init__(self, controller: LibraryController, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(controller, form, parent)
        self._dates: list[Annotation] = []
        self._date_items: list[tuple[str, int]] | None = None  # what date_combo lists
        self.claimant_combo = QComboBox(parent)
        self.claimant_combo.setObjectName("claimantCombo")
        self.claimant_combo.setToolTip("The actor who makes this claim")
        self.claimant_combo.activated.connect(self._on_claimant_combo_activated)
        self.date_combo = QComboBox(parent)
        self.date_combo.setObjectName("claimDateCombo")
        self.date_combo.setEditable(True)
        self.date_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.date_combo.lineEdit().setPlaceholderText("A date tag, or type 2022-02-10 + Enter")
        self.date_combo.setToolTip("When the claim is about: one of the article's date tags, "
                                   "or an ISO value typed here (Enter)")
        self.date_combo.activated.connect(self._on_date_combo_activated)
        self.date_combo.lineEdit().returnPressed.connect(self._on_date_combo_return_pressed)
        self.status_combo = QComboBox(parent)
        self.status_combo.setObjectName("claimStatusCombo")
        for status in CLAIM_STATUSES:
            self.status_combo.addItem(status.capitalize(), status)
        self.status_combo.activated.connect(self._on_status_combo_activated)
        self.reliability_combo = self._code_combo(
            "claimReliabilityCombo", RELIABILITY, "How reliable the source is, A to F")
        self.credibility_combo = self._code_combo(
            "claimCredibilityCombo", CREDIBILITY, "How credible the information is, 1 to 6")
        self._add_row("C&laimant:", self.claimant_combo)
        self._add_row("Claim &date:", self.date_combo)
        self._add_row("&Status:", self.status_combo)
        self._add_row("&Reliability:", self.reliability_combo)
        self._add_row("Cred&ibility:", self.credibility_combo)

    def _code_combo(self, name: str, meanings: dict, tip: str) -> QComboBox:
        combo = QComboBox(self.parent())
        combo.setObjectName(name)
        combo.setToolTip(tip + " (Admiralty code)")
        combo.addItem(NOT_EVALUATED, None)
        for code, meaning in meanings.items():
            combo.addItem(f"{code} - {meaning}", code)
        combo.activated.connect(self._on_code_combo_activated)
        return combo

    # -- showing the stored claim --------------------------------------------------

    def show_annotation(self, ann: Annotation | None, before: Annotation | None = None) -> None:
        self.shown = ann
        if ann is None:
            return
        select_data(self.claimant_combo, ann.claimant_id)
        select_data(self.status_combo, ann.status)
        select_data(self.reliability_combo, ann.reliability)
        select_data(self.credibility_combo, ann.credibility)
        self._show_date()

    def refresh_actors(self, names: list[tuple[str, int]]) -> None:
        current = self.shown.claimant_id if self.shown else None
        fill_actor_combo(self.claimant_combo, names, NOBODY, current)

    def refresh_dates(self, dates: list[Annotation]) -> None:
        """The article's date tags changed (added, removed, corrected)."""
        self._dates = [d for d in dates if d.kind == "date"]
        self._show_date()

    def _show_date(self) -> None:
        combo = self.date_combo
        combo.blockSignals(True)
        items = [(date_item_text(tag), tag.id) for tag in self._dates]
        if items != self._date_items:  # a dense article has hundreds: refill only on change
            combo.clear()
            combo.addItem(NO_DATE, None)
            for text, tag_id in items:
                combo.addItem(text, tag_id)
            self._date_items = items
        ann = self.shown
        index = combo.findData(ann.claim_date_annotation_id) if ann else 0
        if ann is not None and ann.claim_date_annotation_id is None:
            index = 0 if ann.claim_date is None else -1
        combo.setCurrentIndex(index)
        if index < 0 and ann is not None:  # a typed value, or its date tag was deleted
            combo.setEditText(ann.claim_date or "")
        combo.blockSignals(False)

    # -- the analyst's changes ------------------------------------------------------

    def _set(self, **fields) -> None:
        if self._can_commit():
            self._controller.set_claim_fields(self.shown.id, **fields)
        if self.shown is not None:
            self.show_annotation(self.shown)  # as stored, also when it was refused

    @Slot(int)
    def _on_claimant_combo_activated(self, index: int) -> None:
        self._set(claimant_id=self.claimant_combo.itemData(index))

    @Slot(int)
    def _on_status_combo_activated(self, index: int) -> None:
        self._set(status=self.status_combo.itemData(index))

    @Slot(int)
    def _on_code_combo_activated(self, index: int) -> None:
        field = "reliability" if self.sender() is self.reliability_combo else "credibility"
        self._set(**{field: self.sender().itemData(index)})

    @Slot(int)
    def _on_date_combo_activated(self, index: int) -> None:
        tag_id = self.date_combo.itemData(index)
        tag = next((d for d in self._dates if d.id == tag_id), None)
        self._set(claim_date=tag.value if tag else None,
                  claim_date_annotation_id=tag.id if tag else None)

    @Slot()
    def _on_date_combo_return_pressed(self) -> None:
        text = self.date_combo.currentText().strip()
        if self.date_combo.findText(text) >= 0:
            return  # an item: activated() handles it
        self._set(claim_date=text or None, claim_date_annotation_id=None)

    def commit_pending_edit(self) -> None:
        """A typed claim date is committed with Enter only; leaving drops it."""
