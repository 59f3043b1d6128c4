"""The library search's facets: a compact row of filters that narrow the query.

Kind of tag, actor (any mention, or as claimant), claim status, Admiralty grade,
published from / to, source and analyst; every field feeds one SearchFilter and any
change emits `changed`. A date may be a day, a month or a year ("2022-02": from the
1st, or to the 28th); a date that is not one is shown as such and not applied.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.models import CLAIM_STATUSES, KINDS
from reader_app.gui.shared import own_kinds
from reader_app.gui.shared.palette import KIND_LABELS
from reader_app.gui.shared.plain_text import plain_label

if TYPE_CHECKING:  # the engine loads with the first search, not with the window
    from reader_app.services.search import SearchFilter

ROLES = (("any", "mentioned"), ("claimant", "as claimant"))
_GRADE = re.compile(r"[A-F][1-6]")
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_bound(typed: str, upper: bool) -> str | None:
    """A typed date (YYYY, YYYY-MM or YYYY-MM-DD) as the ISO day it bounds; None if it is
    not a date. A month or year starts on its first day (upper: ends on its last)."""
    m = _PARTIAL.fullmatch(typed.strip())
    if m is None:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            last = calendar.monthrange(year, int(month))[1] if upper else 1
            return date(year, int(month), last).isoformat()
        return date(year, 12, 31).isoformat() if upper else date(year, 1, 1).isoformat()
    except ValueError:
        return None


def parse_grades(typed: str) -> tuple[str, ...] | None:
    """"B2" or "b2, a1" (comma or space separated) as Admiralty grades; None if a part is
    not one (a reliability letter A-F and a credibility digit 1-6)."""
    parts = [p for p in re.split(r"[\s,;]+", typed.strip().upper()) if p]
    if not all(_GRADE.fullmatch(p) for p in parts):
        return None
    return tuple(dict.fromkeys(parts))


class SearchFacets(QWidget):
    changed = Signal()  # any facet changed (the panel searches again after a pause)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchFacets")
        self.kinds: dict[str, QCheckBox] = {}
        kinds_row = QHBoxLayout()
        kinds_row.setContentsMargins(0, 0, 0, 0)
        for kind in KINDS:
            box = QCheckBox(KIND_LABELS.get(kind, kind), self)
            box.setObjectName(f"searchKind_{kind}")
            box.setToolTip(f"Only articles with a {kind} tag that matches")
            box.toggled.connect(self._on_field_changed)
            self.kinds[kind] = box
            kinds_row.addWidget(box)
        # own codes (the codebook): one at a time, beside the built-in kinds
        self.own_code = QComboBox(self)
        self.own_code.setObjectName("searchOwnCode")
        self.own_code.setToolTip("Only articles with a tag of this own code that matches")
        self.own_code.addItem("any own code", None)
        self.own_code.setVisible(False)
        self.own_code.currentIndexChanged.connect(self._on_field_changed)
        kinds_row.addWidget(self.own_code)
        kinds_row.addStretch(1)

        self.actor = QComboBox(self)
        self.actor.setObjectName("searchActor")
        self.actor.setEditable(True)
        self.actor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor.lineEdit().setPlaceholderText("any actor")
        self.actor.lineEdit().setClearButtonEnabled(True)
        self.actor.setMinimumContentsLength(10)
        self.actor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.actor.currentTextChanged.connect(self._on_field_changed)
        self.actor_role = QComboBox(self)
        self.actor_role.setObjectName("searchActorRole")
        for value, label in ROLES:
            self.actor_role.addItem(label, value)
        self.actor_role.currentIndexChanged.connect(self._on_field_changed)

        self.status = QComboBox(self)
        self.status.setObjectName("searchStatus")
        self.status.addItem("any status", None)
        for status in CLAIM_STATUSES:
            self.status.addItem(status, status)
        self.status.currentIndexChanged.connect(self._on_field_changed)

        self.grade = self._line("searchGrade", "grade: B2, A1…",
                                "Claims with one of these Admiralty grades, e.g. B2 or A1 B2\n"
                                + "  ".join(f"{k} {v.lower()}" for k, v in RELIABILITY.items())
                                + "\n" + "  ".join(f"{k} {v.lower()}" for k, v in CREDIBILITY.items()))
        self.published_from = self._line("searchFrom", "from YYYY-MM-DD",
                                         "Published on or after (a day, a month or a year)")
        self.published_to = self._line("searchTo", "to YYYY-MM-DD",
                                       "Published on or before (a day, a month or a year)")
        self.source = self._line("searchSource", "source", "The article's source contains this")
        self.analyst = self._line("searchAnalyst", "analyst", "Tagged by this analyst")
        self.problem_label = plain_label(QLabel(self))
        self.problem_label.setObjectName("searchFacetProblem")
        self.problem_label.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.addLayout(kinds_row, 0, 0, 1, 2)
        grid.addWidget(self.actor, 1, 0)
        grid.addWidget(self.actor_role, 1, 1)
        grid.addWidget(self.status, 2, 0)
        grid.addWidget(self.grade, 2, 1)
        grid.addWidget(self.published_from, 3, 0)
        grid.addWidget(self.published_to, 3, 1)
        grid.addWidget(self.source, 4, 0)
        grid.addWidget(self.analyst, 4, 1)
        grid.addWidget(self.problem_label, 5, 0, 1, 2)
        # a pane built later (the timeline) starts with the codebook as it is now
        self.set_own_codes([(c.kind, c.name) for c in own_kinds.codes()])

    def _line(self, name: str, placeholder: str, tooltip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(tooltip)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._on_field_changed)
        return edit

    # -- public ---------------------------------------------------------------------

    def set_actor_names(self, names: list[str]) -> None:
        """The actor combo's list (the library's actors); what is typed stays."""
        typed = self.actor.currentText()
        blocked = self.actor.blockSignals(True)
        self.actor.clear()
        self.actor.addItems(names)
        self.actor.setCurrentIndex(-1)
        self.actor.setEditText(typed)
        self.actor.blockSignals(blocked)

    def set_own_codes(self, codes: list[tuple[str, str]]) -> None:
        """The codebook's (kind, name) pairs; the one chosen stays chosen if it is still there."""
        chosen = self.own_code.currentData()
        blocked = self.own_code.blockSignals(True)
        try:
            self.own_code.clear()
            self.own_code.addItem("any own code", None)
            for kind, name in codes:
                self.own_code.addItem(name, kind)
            self.own_code.setCurrentIndex(max(0, self.own_code.findData(chosen)))
        finally:
            self.own_code.blockSignals(blocked)
        self.own_code.setVisible(bool(codes))
        if self.own_code.currentData() != chosen:
            self._on_field_changed()

    def set_analyst_names(self, names: list[str]) -> None:
        """The analyst field completes the names of those who have tagged here."""
        completer = QCompleter(names, self.analyst)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.analyst.setCompleter(completer)

    def clear(self) -> None:
        """Every facet back to "any" (one `changed`)."""
        blocked = self.blockSignals(True)
        try:
            for box in self.kinds.values():
                box.setChecked(False)
            self.own_code.setCurrentIndex(0)
            self.actor.setEditText("")
            self.actor_role.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            for edit in (self.grade, self.published_from, self.published_to, self.source,
                         self.analyst):
                edit.clear()
        finally:
            self.blockSignals(blocked)
        self._on_field_changed()

    def active_count(self) -> int:
        """How many facets narrow the search (for the Filters button)."""
        values = self.values()
        return sum(bool(v) for k, v in values.items() if k != "actor_role")

    def problem(self) -> str | None:
        """Why a typed facet is not applied (None: every one is)."""
        bad = []
        if self.published_from.text().strip() and self._bound(self.published_from, False) is None:
            bad.append(f"“{self.published_from.text().strip()}” is not a date (YYYY-MM-DD)")
        if self.published_to.text().strip() and self._bound(self.published_to, True) is None:
            bad.append(f"“{self.published_to.text().strip()}” is not a date (YYYY-MM-DD)")
        if parse_grades(self.grade.text()) is None:
            bad.append(f"“{self.grade.text().strip()}” is not an Admiralty grade (like B2: A-F, 1-6)")
        return "; ".join(bad) or None

    def search_filter(self, text: str) -> SearchFilter:
        """The query text with every facet that is set (a malformed one is left out)."""
        from reader_app.services.search import SearchFilter  # with the first search

        return SearchFilter(text=text, **self.values())

    def values(self) -> dict[str, object]:
        """The facets as SearchFilter's fields (a malformed one is left out)."""
        actor = self.actor.currentText().strip() or None
        status = self.status.currentData()
        return dict(
            kinds=tuple(k for k, box in self.kinds.items() if box.isChecked())
            + ((self.own_code.currentData(),) if self.own_code.currentData() else ()),
            actor=actor,
            actor_role=self.actor_role.currentData() if actor else "any",
            statuses=(status,) if status else (),
            grades=parse_grades(self.grade.text()) or (),
            published_from=self._bound(self.published_from, False),
            published_to=self._bound(self.published_to, True),
            source=self.source.text().strip() or None,
            analyst=self.analyst.text().strip() or None,
        )

    # -- handlers -------------------------------------------------------------------

    def _bound(self, edit: QLineEdit, upper: bool) -> str | None:
        typed = edit.text().strip()
        return iso_bound(typed, upper) if typed else None

    @Slot()
    def _on_field_changed(self, *_args: object) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        self.changed.emit()

