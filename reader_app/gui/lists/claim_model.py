"""Every claim in the library as a table: rows are the controller's claim_rows() dicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.models import CLAIM_STATUSES
from reader_app.gui.lists.annotation_model import one_line
from reader_app.gui.lists.tables import KeyedTableModel


def evaluation(row: dict) -> str:
    """The Admiralty code as analysts write it: "B2"; a missing half shows as "?"."""
    reliability, credibility = row.get("reliability"), row.get("credibility")
    if not reliability and credibility is None:
        return ""
    return f"{reliability or '?'}{credibility if credibility is not None else '?'}"


def evaluation_meaning(row: dict) -> str | None:
    parts = []
    if row.get("reliability"):
        parts.append(f"Source {row['reliability']}: {RELIABILITY.get(row['reliability'], '?')}")
    if row.get("credibility") is not None:
        parts.append(f"Information {row['credibility']}: "
                     f"{CREDIBILITY.get(int(row['credibility']), '?')}")
    return "\n".join(parts) or None


class ClaimModel(KeyedTableModel):
    """Claims with claimant, date, status and evaluation; filtered by status and text."""

    COLUMNS = ("Article", "Published", "Quote", "Claimant", "Claim date", "Status", "Evaluation")
    ARTICLE, PUBLISHED, QUOTE, CLAIMANT, CLAIM_DATE, STATUS, EVALUATION = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status: str | None = None

    def set_status_filter(self, status: str | None) -> None:
        """Show claims with this status only (None: every claim)."""
        if status != self._status:
            self._status = status
            self.refilter()

    def status_filter(self) -> str | None:
        return self._status

    def item_id(self, item: dict) -> int:
        return item["annotation_id"]

    def natural_key(self, item: dict) -> tuple[int, int, int]:
        return item["article_id"], item["start"], item["annotation_id"]  # as claim_rows reads

    def display(self, item: dict, column: int) -> str:
        if column == self.QUOTE:
            return one_line(item["quote"])
        if column == self.EVALUATION:
            return evaluation(item)
        key = ("article_title", "article_published", None, "claimant", "claim_date",
               "status")[column]
        return str(item.get(key) or "")

    def search_text(self, item: dict) -> str:
        return "\n".join(str(item.get(k) or "") for k in ("quote", "claimant", "article_title"))

    def matches(self, item: dict) -> bool:
        return (self._status is None or item.get("status") == self._status) and super().matches(item)

    def sort_key(self, item: dict, column: int) -> Any:
        if column == self.EVALUATION:  # A1 first, unevaluated last
            return (item.get("reliability") or "Z", item.get("credibility") or 9)
        if column == self.STATUS:  # the workflow's order, not the alphabet's
            status = item.get("status")
            return CLAIM_STATUSES.index(status) if status in CLAIM_STATUSES else len(CLAIM_STATUSES)
        return super().sort_key(item, column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == self.EVALUATION:
            if role == Qt.ItemDataRole.DisplayRole:
                return "Eval."  # a narrow pane
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Evaluation: source reliability A-F, information credibility 1-6"
        return super().headerData(section, orientation, role)

    def tooltip(self, item: dict, column: int) -> str | None:
        if column == self.QUOTE:
            published = f", {item['article_published']}" if item.get("article_published") else ""
            return f"{item['quote']}\n\n— {item['article_title']}{published}"
        if column == self.EVALUATION:
            return evaluation_meaning(item)
        return super().tooltip(item, column)
