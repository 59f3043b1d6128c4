"""Help > About: what the app is and the versions a bug report needs (plain text)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader_app.services.about import app_version, versions


def version_lines() -> list[tuple[str, str]]:
    return [("Analyst Reader", app_version()), ("Qt", qVersion()),
            ("PySide6", PySide6.__version__), *versions()]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Analyst Reader")
        lines = version_lines()
        title = QLabel(f"Analyst Reader {lines[0][1]}", self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel("Read news and reports, tag claims, actors and dates, and export "
                       "the work. Every tag is kept in a local SQLite library.", self)
        blurb.setWordWrap(True)
        self.versions = QLabel("\n".join(f"{name} {version}" for name, version in lines[1:]),
                               self)
        self.versions.setObjectName("aboutVersions")
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (title, blurb, self.versions):
            label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addSpacing(6)
        layout.addWidget(self.versions)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def text(self) -> str:
        """Everything the box says, as plain text (copied into bug reports, read by tests)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))
