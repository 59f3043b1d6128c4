"""File > Merge Library…'s dialog: what the merge would do, each conflict side by side
(ours | theirs, only the fields that differ) with keep mine / theirs / both, and each
proposed actor merge with a checkbox. Every text from the libraries is shown as plain text
(item texts, radio and check box labels, a read-only plain-text summary)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.shared.plain_text import clip, plain_label
from reader_app.services.merging import (
    RESOLUTIONS,
    Conflict,
    MergeChoices,
    MergePlan,
    Resolution,
)

_WORDS = {"mine": "Mine", "theirs": "Theirs", "both": "Both"}
_SHOWN = 300  # characters of one value shown in a cell


def _side(conflict: Conflict, values: tuple[str, ...]) -> str:
    return "\n".join(f"{name}: {clip(value, _SHOWN)}"
                     for name, value in zip(conflict.fields, values, strict=True))


class MergeDialog(QDialog):
    def __init__(self, plan: MergePlan, summary: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(f"Merge {clip(plan.origin, 80) or 'Library'}")
        self.plan = plan
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(self)
        text.setObjectName("mergeSummary")
        text.setReadOnly(True)
        text.setPlainText("\n".join(clip(line) for line in summary))
        text.setMaximumHeight(160)
        layout.addWidget(text)
        self.groups: list[QButtonGroup] = []
        if plan.conflicts:
            layout.addWidget(plain_label(QLabel(
                "Conflicts: the same tag or span, tagged differently. Keep which?", self)))
            layout.addWidget(self._conflict_table(), 1)
        self.proposals: list[QCheckBox] = []
        if plan.proposals:
            layout.addWidget(plain_label(QLabel(
                "Their actors that look like ours: ticked ones are merged into ours,"
                " the others are added as new actors.", self)))
            layout.addWidget(self._proposal_list())
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(not plan.is_empty)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelMergeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 620)

    def _conflict_table(self) -> QTableWidget:
        conflicts = self.plan.conflicts
        table = QTableWidget(len(conflicts), 5, self)
        table.setObjectName("mergeConflicts")
        table.setHorizontalHeaderLabels(["Article", "Tag", "Mine", "Theirs", "Keep"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, c in enumerate(conflicts):
            cells = (c.article_title, f"{c.mine.kind}: {c.mine.quote}",
                     _side(c, c.mine_values), _side(c, c.theirs_values))
            for col, value in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(clip(value, _SHOWN)))
            table.setCellWidget(row, 4, self._choice(c))
        header = table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        return table

    def _choice(self, conflict: Conflict) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(4, 0, 4, 0)
        group = QButtonGroup(box)
        for i, how in enumerate(RESOLUTIONS):
            button = QRadioButton(_WORDS[how], box)
            button.setObjectName(f"keep{_WORDS[how]}_{conflict.index}")
            button.setChecked(how == conflict.default)
            group.addButton(button, i)
            row.addWidget(button)
        self.groups.append(group)
        return box

    def _proposal_list(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        rows = QVBoxLayout(inner)
        for i, p in enumerate(self.plan.proposals):
            box = QCheckBox(f"Their “{clip(p.theirs.name, 120)}” is our"
                            f" “{clip(p.mine_name, 120)}” (both have"
                            f" “{clip(p.matched_on, 120)}”)", inner)
            box.setObjectName(f"actorProposal_{i}")
            box.setChecked(True)
            self.proposals.append(box)
            rows.addWidget(box)
        rows.addStretch(1)
        area.setWidget(inner)
        area.setMaximumHeight(180)
        return area

    def choices(self) -> MergeChoices:
        picked: dict[int, Resolution] = {}
        for conflict, group in zip(self.plan.conflicts, self.groups, strict=True):
            picked[conflict.index] = RESOLUTIONS[max(0, group.checkedId())]
        actors = {p.theirs.uuid: box.isChecked()
                  for p, box in zip(self.plan.proposals, self.proposals, strict=True)}
        return MergeChoices(conflicts=picked, actors=actors)
